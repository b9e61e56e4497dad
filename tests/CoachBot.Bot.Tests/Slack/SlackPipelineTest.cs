using CoachBot.Testing;
using CoachBot.Testing.Slack;

namespace CoachBot.Bot.Tests.Slack;

/// <summary>Each test gets a fresh CoachBot (real pipeline, real PostgreSQL) wired to its own fake Slack and recording core.</summary>
public abstract class SlackPipelineTest(PostgresDatabase database) : IAsyncLifetime
{
    protected PostgresDatabase Database => database;

    protected FakeSlackServer Slack { get; private set; } = null!;

    protected RecordingInbox Inbox { get; } = new();

    protected CoachBotApplication App { get; private set; } = null!;

    protected SlackTestClient Client { get; private set; } = null!;

    protected virtual CoachBotApplication Configure(CoachBotApplication app) => app;

    public async Task InitializeAsync()
    {
        // Tests in a class share its database and run one at a time: start each from empty Slack tables.
        await using (var reset = database.DataSource.CreateCommand(
            "truncate slack_inbound, processed_event, rate_gate; delete from workspace w where not exists (select 1 from person p where p.workspace_id = w.id)"))
        {
            await reset.ExecuteNonQueryAsync();
        }

        Slack = await FakeSlackServer.StartAsync();
        Slack.AddUser("U0ANA", "Ana Silva", "Europe/Lisbon", "ana@example.com");
        App = Configure(new CoachBotApplication(database).WithSlack(Slack, Inbox));
        Client = App.CreateSignedSlackClient();

        // Startup learns the bot's ids with auth.test and records the workspace; wait so no test races it.
        for (var i = 0; i < 200 && await CountAsync("select count(*) from workspace where external_id = $1 and bot_user_id is not null", FakeSlackServer.TeamId) == 0; i++)
        {
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Slack.DisposeAsync();
    }

    protected async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected Task<long> PendingInboundAsync() => CountAsync("select count(*) from slack_inbound where processed_at is null");
}
