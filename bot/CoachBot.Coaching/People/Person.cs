using CoachBot.Coaching.Chat;

namespace CoachBot.Coaching.People;

public enum PersonRole
{
    Rep,
    Manager,
    Admin,
}

public sealed record Person(
    long Id,
    long WorkspaceId,
    PersonKey Key,
    string DisplayName,
    string? Email,
    PersonRole Role,
    long? ManagerId,
    string TimeZone,
    string Locale,
    bool Reachable)
{
    public bool IsManager => Role is PersonRole.Manager or PersonRole.Admin;

    public string FirstName => DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : DisplayName;
}
