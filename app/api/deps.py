"""Dependencies shared by the routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.service import EnrichmentService
from app.settings import Settings


def get_service(request: Request) -> EnrichmentService:
    service: EnrichmentService = request.app.state.service
    return service


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


ServiceDep = Annotated[EnrichmentService, Depends(get_service)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
