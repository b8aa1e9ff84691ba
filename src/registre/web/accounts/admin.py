from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class RegistreUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("Rôle", {"fields": ("role", "second_role", "authority")}),)
    list_display = ("username", "role", "second_role", "authority", "is_active")
    list_filter = ("role", "second_role", "authority")
