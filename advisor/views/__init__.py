"""Views, one module per part of the site. Each module declares its own ``urlpatterns``."""
