"""Back office URLs (under /greffe/). Every view is @clerk_required and scoped to the clerk's authority."""

from django.urls import path

from . import views

app_name = "clerk"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("assemblees/nouvelle/", views.council_create, name="council_create"),
    path("assemblees/<int:pk>/", views.council_detail, name="council"),
    path("assemblees/<int:pk>/renommer/", views.council_edit, name="council_edit"),
    path("assemblees/<int:pk>/conseillers/ajouter/", views.member_create, name="member_create"),
    path("assemblees/<int:pk>/conseillers/importer/", views.roster_import, name="roster_import"),
    path("conseillers/<int:pk>/", views.member_edit, name="member_edit"),
    path("seances/nouvelle/", views.meeting_create, name="meeting_create"),
    path("seances/<int:pk>/", views.meeting_detail, name="meeting"),
    path("seances/<int:pk>/modifier/", views.meeting_edit, name="meeting_edit"),
    path("seances/<int:pk>/questions/ajouter/", views.item_create, name="item_create"),
    path("seances/<int:pk>/ordre-de-passage/", views.order_of_passage, name="order_of_passage"),
    path("seances/<int:pk>/presences/", views.attendance, name="attendance"),
    path("seances/<int:pk>/procurations/", views.proxies, name="proxies"),
    path("seances/<int:pk>/procurations/<int:proxy_pk>/supprimer/", views.proxy_delete, name="proxy_delete"),
    path("seances/<int:pk>/questions/<int:number>/", views.item_detail, name="item"),
    path("seances/<int:pk>/questions/<int:number>/modifier/", views.item_edit, name="item_edit"),
    path("seances/<int:pk>/questions/<int:number>/decompte/", views.item_tally, name="item_tally"),
    path("seances/<int:pk>/questions/<int:number>/arrivee/", views.record_arrival, name="arrival"),
    path("seances/<int:pk>/questions/<int:number>/depart/", views.record_departure, name="departure"),
    path("seances/<int:pk>/questions/<int:number>/interesses/", views.interested_members, name="interested"),
    path("seances/<int:pk>/questions/<int:number>/vote/", views.record_vote, name="vote"),
    path("seances/<int:pk>/questions/<int:number>/scrutin-public/", views.roll_call, name="roll_call"),
    path(
        "seances/<int:pk>/questions/<int:number>/deliberation/",
        views.deliberation_create,
        name="deliberation_create",
    ),
    path("deliberations/<int:pk>/", views.deliberation_detail, name="deliberation"),
    path("deliberations/<int:pk>/publier/", views.deliberation_publish, name="publish"),
    path("deliberations/<int:pk>/corriger/", views.deliberation_correct, name="correct"),
    path("journal/", views.audit_trail, name="audit"),
    path("journal/tout/", views.audit_trail_all, name="audit_all"),
]
