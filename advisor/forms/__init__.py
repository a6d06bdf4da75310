"""Forms, one module per part of the site, all built on advisor.forms.base.SiteForm."""
