"""The drafting pipeline: plan → retrieve → write → verify → repair (see runner.Pipeline)."""

from drafter.pipeline.request_text import parse_request_text
from drafter.pipeline.runner import Pipeline
from drafter.pipeline.verify import verification_inputs

__all__ = ["Pipeline", "parse_request_text", "verification_inputs"]
