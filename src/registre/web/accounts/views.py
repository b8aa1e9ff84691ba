from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse


def home(request):
    """After login, each role lands on its own pages."""
    user = request.user
    if user.is_clerk and user.is_grants_officer:  # both roles: the person chooses
        return render(request, "accounts/home.html", {"both_roles": True})
    for condition, url_name in (
        (user.is_clerk, "clerk:dashboard"),
        (user.is_grants_officer, "grants:dashboard"),
        (user.is_beneficiary, "grants:portal"),
    ):
        if condition:
            try:
                return redirect(reverse(url_name))
            except NoReverseMatch:
                continue
    if user.is_administrator:
        return redirect("admin:index")
    return render(request, "accounts/home.html")
