using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Crm;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Jobs.Crm;
using CoachBot.Platforms.Crm.HubSpot;
using CoachBot.Testing.Escalations;
using CoachBot.Testing.Logging;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CoachBot.Testing.Crm;

/// <summary>
/// One Slack workspace on a real database with the CRM wired as in the host (AddEscalations → AddCrm, AddHubSpotCrm,
/// the sync job) against a <see cref="FakeHubSpot"/>, a recording messenger and a recording sync schedule. Errors logged
/// fail the test through <see cref="Errors"/>.
/// </summary>
public sealed class CrmWorld : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CrmWorld(ServiceProvider services, FakeHubSpot hubSpot, ErrorLogGuard errors)
    {
        _services = services;
        HubSpot = hubSpot;
        Errors = errors;
    }

    public FakeHubSpot HubSpot { get; }

    public ErrorLogGuard Errors { get; }

    public string WorkspaceExternalId { get; } = $"T{Guid.NewGuid():N}"[..12].ToUpperInvariant();

    public long WorkspaceId { get; private set; }

    public RecordingChatMessenger Messenger => (RecordingChatMessenger)Get<IChatMessenger>();

    public RecordingCrmSchedule Schedule => (RecordingCrmSchedule)Get<ICrmSyncSchedule>();

    public static async Task<CrmWorld> CreateAsync(PostgresDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var hubSpot = await FakeHubSpot.StartAsync();
        var errors = new ErrorLogGuard();
        var config = new Dictionary<string, string?>
        {
            ["Crm:HubSpot:AccessToken"] = hubSpot.Token,
            ["Crm:HubSpot:BaseUrl"] = hubSpot.BaseUrl.ToString(),
            ["Crm:HubSpot:RetryBaseDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(errors.Logs).SetMinimumLevel(LogLevel.Information))
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build())
            .AddSingleton(database.DataSource)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IChatMessenger>(new RecordingChatMessenger(ChatPlatform.Slack))
            .AddSingleton<IEscalationDeadlines, RecordingDeadlines>()
            .AddEscalations()
            .AddHubSpotCrm();
        services.Replace(ServiceDescriptor.Singleton<ICrmSyncSchedule, RecordingCrmSchedule>());
        services.AddSingleton<CrmSyncLease>();
        services.AddTransient<CrmSyncJob>();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var world = new CrmWorld(provider, hubSpot, errors);
        world.WorkspaceId = await world.Get<PersonDirectory>().EnsureWorkspaceAsync(ChatPlatform.Slack, world.WorkspaceExternalId, CancellationToken.None);
        return world;
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public PersonKey Key(string userId) => new(ChatPlatform.Slack, WorkspaceExternalId, userId);

    public async Task<Person> AddPersonAsync(string userId, string name, string? email, PersonRole role = PersonRole.Rep)
    {
        var directory = Get<PersonDirectory>();
        var person = await directory.UpsertAsync(new Sender(Key(userId), name, email, "Europe/London"), CancellationToken.None);
        await ExecuteAsync("update person set role = @role where id = @id", new { role = role.ToString().ToLowerInvariant(), id = person.Id });
        return (await directory.GetAsync(person.Id, CancellationToken.None))!;
    }

    /// <summary>What the admin sees after typing <paramref name="text"/> as a /coach command.</summary>
    public async Task<string> SayAsync(string userId, string text)
    {
        var reply = await Get<ManagerInbox>().OnCommandAsync(
            new InboundCommand(new Sender(Key(userId), userId), new ChatAddress(ChatPlatform.Slack, WorkspaceExternalId, $"D{userId}"), text), default);
        return reply.Messages[0].Text;
    }

    /// <summary>A connection made directly (as `crm connect hubspot` makes it), for tests of the sync itself.</summary>
    public Task<long> ConnectAsync(Person admin) => Get<CrmConnections>().ConnectAsync(WorkspaceId, CrmKind.HubSpot, admin.Id, CancellationToken.None);

    public Task SyncAsync(long connectionId) => Get<CrmSyncJob>().RunAsync(connectionId, CancellationToken.None);

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await Get<NpgsqlDataSource>().OpenConnectionAsync();
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters));
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Get<NpgsqlDataSource>().OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters)))!;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await HubSpot.DisposeAsync();
    }
}
