"""The fixture handbook loaded and viewed once for the view tests."""

from __future__ import annotations

import pytest

from generator import loader
from generator.views.site import Site, site
from generator.weekdates import Plan
from generator.youtube import lock, shown
from tests.conftest import HANDBOOK, SITE_URL


@pytest.fixture(scope="session")
def plans() -> dict[str, Plan]:
    return {item.roadmap.slug: item.plan for item in loader.load_all(HANDBOOK)}


@pytest.fixture(scope="session")
def handbook(plans: dict[str, Plan]) -> Site:
    """Every view of the fixture handbook, with the videos of its fixture lock."""
    videos = shown.resolutions(
        lock.read(lock.path_in(HANDBOOK)), [plan.roadmap for plan in plans.values()]
    )
    return site(list(plans.values()), videos, SITE_URL)
