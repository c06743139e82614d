"""The one place where stages are registered and the pipeline is assembled from settings."""

from __future__ import annotations

from app.pipeline.concurrency import WorkerPool
from app.pipeline.runner import Pipeline, StageObserver
from app.pipeline.stage import Stage
from app.pipeline.stages.credits import CreditsStage
from app.pipeline.stages.entities import EntitiesStage
from app.pipeline.stages.language import LanguageStage
from app.pipeline.stages.segment import SegmentStage
from app.pipeline.stages.summary import SummaryStage
from app.settings import Settings


def build_stages(settings: Settings, pool: WorkerPool) -> list[Stage]:
    """Every stage of the service, configured from ``settings`` (models are not loaded yet)."""
    return [
        SegmentStage(pool),
        CreditsStage(pool),
        LanguageStage(pool),
        EntitiesStage(settings, pool),
        SummaryStage(settings, pool),
    ]


def build_pipeline(settings: Settings, pool: WorkerPool, *, observer: StageObserver | None = None) -> Pipeline:
    """The checked pipeline; raises PipelineConfigError when the stages do not fit together."""
    return Pipeline(build_stages(settings, pool), stage_timeout_s=settings.stage_timeout_s, observer=observer)
