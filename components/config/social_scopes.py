"""What a social connection may ask its provider for, per strategy, as Auth0 names it.

The Management API keeps a social connection's permissions as one boolean option per permission (`email: true`,
`gmail: true`, `read_org: true`, ...); the blueprint lists the enabled ones as `scopes`, and the provider sets
exactly those options. These are the option names the Management API (and the Terraform provider) know.
"""


import difflib

SOCIAL_SCOPES: dict[str, tuple[str, ...]] = {
    "google-oauth2": (
        "email", "profile", "contacts", "blogger", "calendar", "gmail", "google_plus", "orkut", "picasa_web", "tasks",
        "youtube", "adsense_management", "google_affiliate_network", "analytics", "google_books",
        "google_cloud_storage", "content_api_for_shopping", "chrome_web_store", "document_list", "google_drive",
        "google_drive_files", "latitude_best", "latitude_city", "moderator", "sites", "spreadsheets",
        "url_shortener", "webmaster_tools", "coordinate", "coordinate_readonly"),
    "facebook": (
        "email", "groups_access_member_info", "publish_to_groups", "user_age_range", "user_birthday",
        "ads_management", "ads_read", "read_audience_network_insights", "read_insights", "manage_notifications",
        "publish_actions", "read_mailbox", "public_profile", "user_events", "user_friends", "user_gender",
        "user_hometown", "user_likes", "user_link", "user_location", "user_photos", "user_posts",
        "user_tagged_places", "user_videos", "business_management", "leads_retrieval", "manage_pages",
        "pages_manage_cta", "pages_manage_instant_articles", "pages_show_list", "pages_messaging",
        "pages_messaging_phone_number", "pages_messaging_subscriptions", "publish_pages", "publish_video",
        "read_page_mailboxes", "read_stream", "user_groups", "user_managed_groups", "user_status"),
    "github": (
        "email", "read_user", "follow", "public_repo", "repo", "repo_deployment", "repo_status", "delete_repo",
        "notifications", "gist", "read_repo_hook", "write_repo_hook", "admin_repo_hook", "read_org", "admin_org",
        "read_public_key", "write_public_key", "admin_public_key", "write_org", "profile"),
    "linkedin": ("email", "profile", "basic_profile"),
    "apple": ("email", "name"),
    "windowslive": (
        "signin", "offline_access", "graph_user", "graph_user_update", "graph_user_activity", "graph_device",
        "graph_device_command", "graph_emails", "graph_emails_update", "graph_calendars", "graph_calendars_update",
        "graph_contacts", "graph_contacts_update", "graph_files", "graph_files_all", "graph_files_update",
        "graph_files_all_update", "graph_notes", "graph_notes_create", "graph_notes_update", "graph_tasks",
        "graph_tasks_update"),
}

# Options only some strategies have: Google's other client ids for native sign-in; the provider API generation.
STRATEGY_ONLY_OPTIONS = {"allowed_audiences": ("google-oauth2",), "strategy_version": ("linkedin", "windowslive")}


def scope_problem(strategy: str, scopes: list[str]) -> str | None:
    """Why Auth0 would not know these scopes for the strategy, or None."""
    known = SOCIAL_SCOPES.get(strategy, ())
    for scope in scopes:
        if known and scope not in known:
            close = difflib.get_close_matches(scope, known, n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else f" (it knows {', '.join(known[:6])}, ...)"
            return f"'{scope}' is not a {strategy} permission Auth0 knows{hint}"
    if len(set(scopes)) != len(scopes):
        return "list each scope once"
    return None
