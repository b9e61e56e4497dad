using CoachBot.Bot.WebConsole;
using CoachBot.Bot.WebConsole.Pages;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Nudges.History;
using CoachBot.Coaching.People;
using CoachBot.Testing;
using CoachBot.Testing.Logging;
using CoachBot.Testing.Scheduling;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CoachBot.IntegrationTests.WebConsole;

/// <summary>
/// One Teams tenant as its people built it: an admin, two managers in a chain (Max reports to Mia), another manager
/// (Olga) outside it, eight reps with profiles, nudges sent, answered and rated, a goal with progress, a 429, an unknown
/// outcome, an unreachable rep and escalations open, acknowledged and resolved. Every rep's private words carry
/// <see cref="Secret"/>, which no page may show.
/// </summary>
public sealed class ConsoleWorld : IAsyncLifetime
{
    public const string Secret = "PINEAPPLE-7731";
    public const string TrickyName = "Rosa <b>O'Neil</b> & Co";
    public static readonly string[] MiaDirect = ["Ana Direct", "Ben Direct", TrickyName];
    public static readonly string[] MaxReps = ["Cal Chain", "Dee Chain", "Eli Chain"];
    public static readonly string[] OlgaReps = ["Otto Outside", "Oona Outside"];

    private readonly PostgresDatabase _database = new();
    private ServiceProvider? _services;

    public ErrorLogGuard Errors { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public Dictionary<string, Person> People { get; } = [];

    public Dictionary<string, long> Escalations { get; } = [];

    public IReadOnlyList<IConsolePage> Pages => Services.GetServices<IConsolePage>().OrderBy(p => p.Order).ToList();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    private ServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    public ConsoleViewer Viewer(string name)
    {
        var p = People[name];
        return new ConsoleViewer(p.Id, p.WorkspaceId, p.Role, p.DisplayName);
    }

    public IConsolePage Page(string slug) => Pages.Single(p => p.Slug == slug);

    public Task<string> RenderAsync(string slug, string viewer, IReadOnlyDictionary<string, string>? query = null) =>
        Page(slug).RenderAsync(Viewer(viewer), query ?? new Dictionary<string, string>(), CancellationToken.None);

    public string ConnectionString => _database.ConnectionString;

    public NpgsqlDataSource DataSource => _database.DataSource;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _services = PagesOver(_database.DataSource);
        await SeedAsync();
    }

    /// <summary>The pages as the host registers them, over <paramref name="dataSource"/> (e.g. through a round-trip counter).</summary>
    public ServiceProvider PagesOver(NpgsqlDataSource dataSource) => new ServiceCollection()
        .AddLogging(l => l.AddProvider(Errors.Logs))
        .AddSingleton(dataSource)
        .AddSingleton<TimeProvider>(Clock)
        .AddConsolePages()
        .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        var directory = new PersonDirectory(_database.DataSource);
        var tenant = $"tenant-{Guid.NewGuid():N}";
        await directory.EnsureWorkspaceAsync(ChatPlatform.Teams, tenant, CancellationToken.None);

        async Task<Person> Add(string name, PersonRole role, string? manager, string zone = "Europe/Berlin")
        {
            var key = new PersonKey(ChatPlatform.Teams, tenant, Guid.NewGuid().ToString());
            var person = await directory.UpsertAsync(new Sender(key, name, $"{Guid.NewGuid():N}@example.com", zone), CancellationToken.None);
            await ExecuteAsync("update person set role = @role, manager_id = @manager where id = @id",
                new { role = role.ToString().ToLowerInvariant(), manager = manager is null ? (long?)null : People[manager].Id, id = person.Id });
            return People[name] = (await directory.GetAsync(person.Id, CancellationToken.None))!;
        }

        await Add("Ada Admin", PersonRole.Admin, null);
        await Add("Mia Manager", PersonRole.Manager, "Ada Admin");
        await Add("Max Lead", PersonRole.Manager, "Mia Manager");
        await Add("Olga Other", PersonRole.Manager, "Ada Admin");
        foreach (var (names, manager) in new[] { (MiaDirect, "Mia Manager"), (MaxReps, "Max Lead"), (OlgaReps, "Olga Other") })
        {
            foreach (var name in names)
            {
                var rep = await Add(name, PersonRole.Rep, manager);
                // The rep's own words, as onboarding and the conversation store them: never for the console.
                await ExecuteAsync("""
                    insert into rep_profile (person_id, style, style_source, race, focus_skills, experience, goals, onboarding_step)
                    values (@id, 'driver', 'quiz', 'sprint', '{discovery}', 'newer', @secret, 'done');
                    insert into rep_schedule (person_id, workspace_id, next_due_at) values (@id, @workspace, @next);
                    insert into rep_reply (person_id, body, original_length, received_at) values (@id, @secret, 14, now());
                    """, new { id = rep.Id, workspace = rep.WorkspaceId, secret = $"{Secret} my big deal", next = new DateTime(2026, 3, 3, 8, 30, 0, DateTimeKind.Utc) });
            }
        }

        await SeedNudgesAsync();
        await SeedLedgerProblemsAsync();
        await SeedGoalAsync();
        await SeedEscalationsAsync();
    }

    // Three weeks of nudges for every rep: four a week, the first three answered and rated 4. Ana and Ben also got two
    // nudges worded as Amiable (the learner's trials): a group of two reps, which no team chart may show.
    private async Task SeedNudgesAsync()
    {
        var history = new NudgeHistory(_database.DataSource);
        var now = Clock.GetUtcNow();
        foreach (var name in MiaDirect.Concat(MaxReps).Concat(OlgaReps))
        {
            for (var n = 0; n < 12; n++)
            {
                var sentAt = now.AddDays(-1 - n * 1.5).AddHours(-1);
                var delivery = await _database.DataSource.AddSentNudgeAsync(People[name].Id, sentAt, answeredAt: n % 4 != 3 ? sentAt.AddHours(1) : null);
                var style = n < 2 && name is "Ana Direct" or "Ben Direct" ? "amiable" : "driver";
                await _database.DataSource.AddHistoryAsync(People[name].Id, delivery, sentAt, n % 2 == 0 ? "discovery" : "closing", style);
                if (n % 4 != 3)
                {
                    await history.RecordResponseAsync(delivery, NudgeResponse.Rated, 4, sentAt.AddHours(1), CancellationToken.None);
                }
            }
        }
    }

    // As DeliveryAttempt leaves them: a Teams 429 waiting for its retry (Cal, in Max's team; Otto, in Olga's), an unknown
    // outcome after a connection broke mid-send (Ana), and a rep the app is not installed for (Ben).
    private async Task SeedLedgerProblemsAsync()
    {
        var slot = Clock.GetUtcNow().AddHours(-2).UtcDateTime;
        foreach (var (name, status, error) in new[] { ("Cal Chain", "pending", "429 TooManyRequests"), ("Otto Outside", "pending", "429 TooManyRequests"), ("Ana Direct", "unknown", "unknown-outcome") })
        {
            await ExecuteAsync("""
                insert into nudge_delivery (id, person_id, workspace_id, platform, kind, slot_at, status, attempts, last_error)
                values (@id, @person, @workspace, 'teams', 'nudge', @slot, @status, 2, @error)
                """, new { id = Guid.NewGuid(), person = People[name].Id, workspace = People[name].WorkspaceId, slot, status, error });
        }

        await ExecuteAsync("update person set reachable = false, unreachable_reason = 'not-installed' where id = @id", new { id = People["Ben Direct"].Id });
        // A vacation (a date column) excuses Dee's days off; reading it proves the row type matches what Npgsql hands back.
        await ExecuteAsync("update rep_schedule set vacation_from = '2026-02-20', vacation_until = '2026-02-24' where person_id = @id", new { id = People["Dee Chain"].Id });
        // Eli paused nudges over the same days (a pause period, as `pause` opens it): it must excuse them the same way.
        await ExecuteAsync("""
            insert into rep_pause_period (person_id, kind, from_at, until_at) values (@id, 'pause', '2026-02-20T00:00:00Z', '2026-02-24T23:00:00Z')
            """, new { id = People["Eli Chain"].Id });
    }

    private async Task SeedGoalAsync()
    {
        var goals = new GoalStore(_database.DataSource);
        var rep = People["Cal Chain"].Id;
        await goals.SetAsync(rep, GoalMetric.Calls, GoalPeriod.Week, 20, "self", Clock.GetUtcNow().AddDays(-10), CancellationToken.None);
        await goals.AddProgressAsync(new GoalProgressEntry(rep, GoalMetric.Calls, 5, new DateOnly(2026, 3, 2), GoalProgressSource.Typed), Clock.GetUtcNow(), CancellationToken.None);
        await goals.AddProgressAsync(new GoalProgressEntry(rep, GoalMetric.Calls, 9, new DateOnly(2026, 2, 27), GoalProgressSource.Typed), Clock.GetUtcNow(), CancellationToken.None);
    }

    // Ana's is open past its deadline (owner Mia), Cal's acknowledged by Max in 30 minutes, Otto's resolved by Olga.
    private async Task SeedEscalationsAsync()
    {
        var store = Get<EscalationStore>();
        var raised = Clock.GetUtcNow().AddHours(-6);
        foreach (var (rep, owner) in new[] { ("Ana Direct", "Mia Manager"), ("Cal Chain", "Max Lead"), ("Otto Outside", "Olga Other") })
        {
            var id = (await store.TryInsertAsync(People[rep].WorkspaceId, People[rep].Id, People[owner].Id, EscalationReason.NeedHelp, EscalationSeverity.High,
                $"{Secret} shared words", $"console-{rep}", raised, CancellationToken.None))!.Value;
            await ExecuteAsync("update escalation set ack_due_at = @due where id = @id", new { id, due = raised.AddHours(4).UtcDateTime });
            await ExecuteAsync("insert into escalation_note (escalation_id, author_id, text, at) values (@id, @author, @text, now())",
                new { id, author = People[owner].Id, text = $"{Secret} note" });
            Escalations[rep] = id;
        }

        await store.AcknowledgeAsync(Escalations["Cal Chain"], People["Max Lead"].Id, raised.AddMinutes(30), CancellationToken.None);
        await store.ResolveAsync(Escalations["Otto Outside"], People["Olga Other"].Id, $"{Secret} resolution", raised.AddHours(5), CancellationToken.None);
    }

    private async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters));
    }
}
