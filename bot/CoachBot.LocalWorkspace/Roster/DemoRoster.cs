using System.Text.Json;

namespace CoachBot.LocalWorkspace.Roster;

/// <summary>The demo people. CoachBot's demo seeder embeds the same file, so user ids and emails always agree.</summary>
public sealed record DemoRoster(DemoBot Bot, string TeamName, string TeamDomain, string ManagersChannelName, IReadOnlyList<DemoPerson> People)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DemoRoster LoadEmbedded()
    {
        using var stream = typeof(DemoRoster).Assembly.GetManifestResourceStream("demo-roster.json")
            ?? throw new InvalidOperationException("demo-roster.json is not embedded");
        return JsonSerializer.Deserialize<DemoRoster>(stream, Json) ?? throw new InvalidOperationException("demo-roster.json is empty");
    }

    public DemoPerson? Find(string userId) => People.FirstOrDefault(p => p.UserId == userId);
}

public sealed record DemoBot(string UserId, string BotId, string AppId, string Name);

public sealed record DemoPerson(
    string UserId,
    string Name,
    string Email,
    string Role,
    string TimeZone,
    string Title,
    string? Manager = null,
    string? Style = null,
    string? Race = null,
    string? Experience = null,
    IReadOnlyList<string>? Focus = null)
{
    public bool IsManager => Role == "manager";

    public string Handle => Name.Split(' ')[0].ToLowerInvariant();
}
