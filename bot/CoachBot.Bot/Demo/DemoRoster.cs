using System.Text.Json;

namespace CoachBot.Bot.Demo;

/// <summary>
/// The demo people, read from the local workspace's demo-roster.json (embedded at build time), so the seeded
/// user ids and emails are exactly the ones the emulator's people use.
/// </summary>
internal sealed record DemoRoster(string TeamName, IReadOnlyList<DemoRoster.Person> People, DemoRoster.BotUser Bot)
{
    public static DemoRoster Load()
    {
        using var stream = typeof(DemoRoster).Assembly.GetManifestResourceStream("CoachBot.Bot.Demo.demo-roster.json")
            ?? throw new InvalidOperationException("demo-roster.json is not embedded in CoachBot.Bot");
        return JsonSerializer.Deserialize<DemoRoster>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("demo-roster.json is empty");
    }

    internal sealed record BotUser(string UserId);

    internal sealed record Person(
        string UserId,
        string Name,
        string Email,
        string Role,
        string TimeZone,
        string? Country,
        string? Manager,
        string? Style,
        string? Race,
        string? Experience,
        IReadOnlyList<string>? Focus);
}
