"""Entity stage: recognition, coreference, office holders and actor coding."""
from .stage import EntityStage

__all__ = ["EntityStage"]
