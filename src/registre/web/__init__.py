"""Web application (Django): persistence, clerk back office, public portal, API.

Apps are split by audience, as in healthchecks: accounts (who may do what),
register (stored meetings and deliberations, converted to and from the rules
core), clerk (back office), front (public portal), grants, api.
"""
