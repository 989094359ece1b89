"""Which texts are government work reports at all (transforms/report_check.py)."""

from __future__ import annotations

import pytest

from transforms.models import InputRejected
from transforms.report_check import ensure_report

_REVIEW = (
    "2007年，全县上下紧紧围绕县十六届人大一次会议确定的目标任务，克难奋进，扎实工作。全年实现地区生产总值"
    "24.9亿元，增长10.0%；城镇居民人均可支配收入达到7963元，农村居民人均纯收入达到2102元，分别增长7.0%"
    "和15.9%。全县经济社会发展保持良好态势，民生持续改善，人民群众的获得感不断增强。"
) * 2


@pytest.mark.parametrize(
    "opening",
    [
        "关于2007年国民经济和社会发展计划执行情况及2008年国民经济和社会发展计划草案的报告\n各位代表：\n"
        "受县人民政府委托，现将计划执行情况提请县第十六届人大二次会议审议。\n",
        "关于2007年预算执行情况和2008年预算草案的报告\n各位代表：\n受县人民政府委托，提请大会审议。\n",
        "县人民法院工作报告\n各位代表：\n现在，我代表县人民法院向大会报告工作，请予审议。\n",
        # A county's statistical bulletin, its title broken over two lines: it was read as a
        # report of the next year, its figures as the review's.
        "建始县2023年国民经济和社会发展\n统计公报\n2023年是全面贯彻落实党的二十大精神的开局之年。\n",
    ],
    ids=["plan", "budget", "court", "statistical-bulletin"],
)
def test_another_kind_of_document_is_not_a_work_report(opening: str) -> None:
    """A plan report was read as a work report: its review figures all came out as targets."""
    with pytest.raises(InputRejected) as err:
        ensure_report(opening + _REVIEW)
    assert err.value.reason == "not_a_report"
    assert "another kind of document" in err.value.detail


@pytest.mark.parametrize(
    "opening",
    [
        "2008年政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作，并提交2008年国民经济和社会发展"
        "计划草案，请一并审议。\n",
        "各位代表：\n现在，我代表县人民政府向大会报告政府工作，请予审议。\n",
    ],
    ids=["work-report-naming-the-plan", "untitled-fragment"],
)
def test_a_work_report_is_still_one(opening: str) -> None:
    ensure_report(opening + _REVIEW)
