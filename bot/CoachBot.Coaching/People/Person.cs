using CoachBot.Coaching.Chat;

namespace CoachBot.Coaching.People;

public enum PersonRole
{
    Rep,
    Manager,
    Admin,
}

/// <summary>
/// Someone CoachBot knows. <see cref="DisplayName"/> is their one name, from their platform profile (or the roster until
/// they first write), shown the same way everywhere; as <see cref="UserText"/> it is escaped by every renderer.
/// </summary>
public sealed record Person(
    long Id,
    long WorkspaceId,
    PersonKey Key,
    UserText DisplayName,
    string? Email,
    PersonRole Role,
    long? ManagerId,
    string TimeZone,
    string Locale,
    bool Reachable)
{
    public bool IsManager => Role is PersonRole.Manager or PersonRole.Admin;

    public UserText FirstName => DisplayName.Raw.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? new UserText(first) : DisplayName;
}
