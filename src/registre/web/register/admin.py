from django.contrib import admin

from .models import Authority, Council, Deliberation, Meeting, Member

admin.site.register([Authority, Council, Member, Meeting])


@admin.register(Deliberation)
class DeliberationAdmin(admin.ModelAdmin):
    list_display = ("number", "title", "authority", "status")
    list_filter = ("status", "authority")
    search_fields = ("number", "title")
