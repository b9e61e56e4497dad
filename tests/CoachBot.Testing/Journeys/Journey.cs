using System.Text.RegularExpressions;

namespace CoachBot.Testing.Journeys;

/// <summary>
/// A journey script's one API, the same on every platform: people act (commands, DMs, button presses, opening the app),
/// time passes with the jobs running, and each step returns what the acting person now sees. Every message anyone
/// sees is checked for a generic apology or an empty placeholder, and every logged error fails the journey (the app's
/// <see cref="Logging.ErrorLogGuard"/>).
/// </summary>
public sealed partial class Journey : IAsyncDisposable
{
    private readonly PostgresDatabase _database;
    private readonly Dictionary<string, Dictionary<string, Shown>> _lastSeen = [];

    private Journey(IJourneyDriver driver, PostgresDatabase database, JourneyCast cast)
    {
        Driver = driver;
        _database = database;
        Cast = cast;
    }

    public IJourneyDriver Driver { get; }

    public JourneyCast Cast { get; }

    public string Platform => Driver.Platform;

    public DateTimeOffset Now => Driver.App.Clock.GetUtcNow();

    /// <summary>Starts CoachBot on <paramref name="platform"/> ("Slack" or "Teams") over a fresh database, for <paramref name="cast"/>.</summary>
    public static async Task<Journey> StartAsync(string platform, JourneyCast cast)
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        IJourneyDriver driver = platform switch
        {
            "Slack" => new SlackJourneyDriver(database),
            "Teams" => new TeamsJourneyDriver(database),
            _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Slack or Teams"),
        };
        await driver.StartAsync(cast.Everyone, cast.AdminEmails);
        return new Journey(driver, database, cast);
    }

    public async Task<Seen> OpenAsync(JourneyPerson who)
    {
        await Driver.OpenAsync(who);
        return Look(who);
    }

    public async Task<Seen> OpenHomeAsync(JourneyPerson who)
    {
        await Driver.OpenHomeAsync(who);
        return Look(who);
    }

    /// <summary><c>/coach text</c> in Slack, the same text to CoachBot in Teams.</summary>
    public async Task<Seen> CommandAsync(JourneyPerson who, string text)
    {
        await Driver.CommandAsync(who, text);
        return Look(who);
    }

    public async Task<Seen> SayAsync(JourneyPerson who, string text)
    {
        await Driver.SayAsync(who, text);
        return Look(who);
    }

    public async Task<Seen> PressAsync(JourneyPerson who, Shown message, string label)
    {
        await Driver.PressAsync(who, message, message.Button(label));
        return Look(who);
    }

    public async Task<Seen> AddToManagersChannelAsync(JourneyPerson who)
    {
        await Driver.AddToManagersChannelAsync(who);
        return Look(who);
    }

    /// <summary>Time passes to <paramref name="until"/>, with the jobs running at every moment something falls due.</summary>
    public Task AdvanceToAsync(DateTimeOffset until) => Driver is SlackJourneyDriver s ? s.Jobs.AdvanceToAsync(until) : ((TeamsJourneyDriver)Driver).Jobs.AdvanceToAsync(until);

    public Task AdvanceAsync(TimeSpan by) => AdvanceToAsync(Now + by);

    /// <summary>Time passes until <paramref name="localTime"/> on the next day (in <paramref name="who"/>'s zone) that is not today.</summary>
    public Task AdvanceToLocalAsync(JourneyPerson who, DayOfWeek day, TimeOnly localTime)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(who.TimeZone);
        var local = TimeZoneInfo.ConvertTime(Now, zone);
        var date = DateOnly.FromDateTime(local.DateTime).AddDays(1);
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }

        var wall = date.ToDateTime(localTime);
        // In UTC, as a real clock's GetUtcNow is: the app must never see a local offset on "now".
        return AdvanceToAsync(new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime());
    }

    /// <summary>
    /// Lets time pass in steps of <paramref name="step"/> (jobs running) until <paramref name="who"/> sees a message matching
    /// <paramref name="wanted"/>, at most <paramref name="within"/>. Returns everything they saw meanwhile and their local
    /// time at the step it arrived.
    /// </summary>
    public async Task<(Seen Seen, Shown Message, DateTime LocalTime)> WaitForAsync(JourneyPerson who, Func<Shown, bool> wanted, TimeSpan within, TimeSpan? step = null)
    {
        var all = new List<Shown>();
        var end = Now + within;
        while (Now < end)
        {
            await AdvanceAsync(step ?? TimeSpan.FromMinutes(30));
            var seen = Look(who);
            all.AddRange(seen);
            if (seen.LastOrDefault(wanted) is { } match)
            {
                return (new Seen(who, all), match, LocalTime(who));
            }
        }

        throw new Xunit.Sdk.XunitException($"[{Platform}] {who} saw nothing matching within {within}; saw:\n{new Seen(who, all)}");
    }

    /// <summary>The person's wall-clock time now.</summary>
    public DateTime LocalTime(JourneyPerson who) => TimeZoneInfo.ConvertTime(Now, TimeZoneInfo.FindSystemTimeZoneById(who.TimeZone)).DateTime;

    /// <summary>How a command names someone on this platform (a Slack mention, a Teams name).</summary>
    public string Mention(JourneyPerson who) => Driver is SlackJourneyDriver ? $"<@{SlackJourneyDriver.UserId(who)}>" : who.Name;

    /// <summary>What is new or changed on the person's screen since they last looked.</summary>
    public Seen Look(JourneyPerson who)
    {
        // A logged error fails the step that caused it, with the error, rather than the journey's end.
        Driver.App.AssertNoUnexpectedErrors();
        var screen = Driver.Screen(who);
        var before = _lastSeen.GetValueOrDefault(who.Handle) ?? [];
        var changed = screen.Where(m => !before.TryGetValue(m.Key, out var old) || old != m && (old.Text != m.Text || !old.Labels.SequenceEqual(m.Labels))).ToList();
        _lastSeen[who.Handle] = screen.ToDictionary(m => m.Key);
        foreach (var message in changed)
        {
            CheckWording(who, message);
        }

        return new Seen(who, changed);
    }

    /// <summary>Everything on the person's screen now (not only what changed).</summary>
    public IReadOnlyList<Shown> Screen(JourneyPerson who) => Driver.Screen(who);

    /// <summary>A journey's own assertion: fails with the platform in the message, so a parity break says where.</summary>
    public static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new Xunit.Sdk.XunitException(message);
        }
    }

    private void CheckWording(JourneyPerson who, Shown message)
    {
        Check(!Apology().IsMatch(message.Text), $"[{Platform}] {who} got a generic apology instead of an answer: {message}");
        Check(!EmptyPlaceholder().IsMatch(message.Text), $"[{Platform}] {who} got a message with an empty placeholder: {message}");
    }

    // "Sorry, that did not work", "Something went wrong" …: an answer that tells the person nothing.
    [GeneratedRegex(@"sorry, (that|something) (did not|didn't) work|something went wrong|an error occurred|unexpected error", RegexOptions.IgnoreCase)]
    private static partial Regex Apology();

    // A word then a lone comma or full stop ("Hi , I'm"), or an unfilled {Placeholder}: a value that rendered empty.
    [GeneratedRegex(@"\b(Hi|Hello|Hey|Dear|Thanks)\s+[,.!]|\{[A-Za-z]+\}|\s,\s")]
    private static partial Regex EmptyPlaceholder();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Driver.DisposeAsync();
        }
        finally
        {
            await _database.DisposeAsync();
        }
    }
}
