"""Command-line entry point (placeholder until the flow lands)."""
import typer

app = typer.Typer()
