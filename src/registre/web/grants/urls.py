from django.urls import path

from . import views

app_name = "grants"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("nouvelle/", views.create_agreement, name="create"),
    path("calendrier.ics", views.officer_calendar, name="calendar"),
    path("agenda/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("agenda/revoquer/", views.revoke_calendar_links, name="revoke_calendar_links"),
    path("conventions/<int:pk>/", views.agreement_detail, name="agreement"),
    path("conventions/<int:pk>/versement/", views.record_payment, name="record_payment"),
    path("conventions/<int:pk>/avenant/", views.add_amendment, name="add_amendment"),
    path("conventions/<int:pk>/reversement/", views.record_repayment, name="record_repayment"),
    path("conventions/<int:pk>/resiliation/", views.terminate, name="terminate"),
    path("conventions/<int:pk>/publication/", views.record_publication, name="record_publication"),
    path("conventions/<int:pk>/budget/", views.edit_budget, name="edit_budget"),
    path("examen/documents/<int:pk>/", views.review_submission, name="review_submission"),
    path("examen/indicateurs/<int:pk>/", views.review_indicators, name="review_indicators"),
    path("documents/<int:pk>/", views.download, name="download"),
    path("portail/", views.portal, name="portal"),
    path("portail/calendrier.ics", views.portal_calendar, name="portal_calendar"),
    path("portail/conventions/<int:pk>/", views.portal_agreement, name="portal_agreement"),
    path("portail/conventions/<int:pk>/document/", views.submit_document, name="submit_document"),
    path("portail/conventions/<int:pk>/indicateurs/", views.submit_indicators, name="submit_indicators"),
    path("portail/conventions/<int:pk>/resultats/", views.submit_results, name="submit_results"),
]
