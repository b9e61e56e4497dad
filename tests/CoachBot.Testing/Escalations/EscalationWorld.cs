using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Crm.Coaching;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CoachBot.Testing.Escalations;

/// <summary>
/// One workspace with a managers' channel on a real database, the escalation services wired as in production
/// (AddEscalations), a recording messenger, recorded deadlines and a fake clock (Monday 2 March 2026, 09:00 UTC).
/// </summary>
public sealed class EscalationWorld : IAsyncDisposable
{
    public const string ManagersChannelId = "C0MANAGERS";

    private readonly ServiceProvider _services;

    private EscalationWorld(ServiceProvider services, ChatPlatform platform, string workspaceExternalId)
    {
        _services = services;
        Platform = platform;
        WorkspaceExternalId = workspaceExternalId;
    }

    public ChatPlatform Platform { get; }

    public string WorkspaceExternalId { get; }

    public long WorkspaceId { get; private set; }

    public FakeTimeProvider Clock => (FakeTimeProvider)_services.GetRequiredService<TimeProvider>();

    public RecordingChatMessenger Messenger => (RecordingChatMessenger)_services.GetRequiredService<IChatMessenger>();

    public RecordingDeadlines Deadlines => (RecordingDeadlines)_services.GetRequiredService<IEscalationDeadlines>();

    public ChatAddress ManagersChannel => new(Platform, WorkspaceExternalId, ManagersChannelId);

    public static async Task<EscalationWorld> CreateAsync(PostgresDatabase database, ChatPlatform platform = ChatPlatform.Slack,
        IDictionary<string, string?>? settings = null, bool withRepConversation = false, bool withCrm = false)
    {
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build())
            .AddSingleton(database.DataSource)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)))
            .AddSingleton<IChatMessenger>(new RecordingChatMessenger(platform))
            .AddSingleton<IEscalationDeadlines, RecordingDeadlines>()
            .AddEscalations();
        if (withRepConversation)
        {
            // As in the host: the rep side supplies the brief's real activity numbers.
            services.AddRepConversation();
        }

        if (withCrm)
        {
            services.AddCrmCoaching();
        }

        var provider = services
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var world = new EscalationWorld(provider, platform, $"T{Guid.NewGuid():N}"[..12].ToUpperInvariant());
        world.WorkspaceId = await world.Get<PersonDirectory>().EnsureWorkspaceAsync(platform, world.WorkspaceExternalId, CancellationToken.None);
        await world.ExecuteAsync("update workspace set manager_channel_id = @channel, bot_user_id = 'UBOT' where id = @id",
            new { channel = ManagersChannelId, id = world.WorkspaceId });
        return world;
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public NpgsqlDataSource DataSource => Get<NpgsqlDataSource>();

    public PersonKey Key(string userId) => new(Platform, WorkspaceExternalId, userId);

    public Sender Sender(string userId) => new(Key(userId), userId);

    public async Task<Person> AddPersonAsync(string userId, string name, PersonRole role = PersonRole.Rep, Person? manager = null,
        string timeZone = "Europe/London", string? email = null)
    {
        var directory = Get<PersonDirectory>();
        var person = await directory.UpsertAsync(new Sender(Key(userId), name, email ?? $"{userId.ToLowerInvariant()}@example.com", timeZone), CancellationToken.None);
        await ExecuteAsync("update person set role = @role, manager_id = @manager where id = @id",
            new { role = role.ToString().ToLowerInvariant(), manager = manager?.Id, id = person.Id });
        return (await directory.GetAsync(person.Id, CancellationToken.None))!;
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters));
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters)))!;
    }

    public async Task<IReadOnlyList<(string Action, string Outcome, long? ActorId, long? SubjectId)>> AuditAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string, string, long?, long?)>(new CommandDefinition(
            "select a.action, a.outcome, a.actor_id, a.subject_id from audit_entry a left join person p on p.id = coalesce(a.actor_id, a.subject_id) " +
            "where p.workspace_id = @id or (a.actor_id is null and a.subject_id is null) order by a.id", new { id = WorkspaceId }));
        return rows.ToList();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
