"""Finished letters: translated documents rebuilt as Markdown, HTML and PDF, behind a gate."""

from toolkit.build.jobs import BuildOptions, Job, plan
from toolkit.build.run import Built, build_job, write_index

__all__ = ["BuildOptions", "Built", "Job", "build_job", "plan", "write_index"]
