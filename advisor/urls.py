"""All of the site's URLs. Each part of the site declares its own in its views module."""

from advisor.views import check, core, door, feedback, letters, plan, serious, tracker

urlpatterns = [
    *core.urlpatterns,
    *check.urlpatterns,
    *plan.urlpatterns,
    *letters.urlpatterns,
    *door.urlpatterns,
    *serious.urlpatterns,
    *tracker.urlpatterns,
    *feedback.urlpatterns,
]
