using System.Net;
using CoachBot.Testing;
using CoachBot.Testing.Teams;
using Dapper;

namespace CoachBot.IntegrationTests.EndToEnd;

// A manager's read-only commands on Teams, by @mention in the managers' channel, once their rep has a schedule row (issue 12, defect 1).
public sealed class TeamsManagerCommandsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private BotFrameworkIssuer _issuer = null!;
    private FakeBotConnector _connector = null!;

    private TeamsActivities Activities => new(_connector.ServiceUrl);

    public async Task InitializeAsync()
    {
        _issuer = await BotFrameworkIssuer.StartAsync();
        _connector = await FakeBotConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _issuer.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task RepsRepAndNudgeAnswerOnceTheRepHasASchedule()
    {
        await using var app = new CoachBotApplication(database).WithTeams(_issuer, _connector).WithSetting("Teams:ManagerChannelId", TeamsActivities.ManagersChannel);
        using var client = app.CreateTeamsClient(_issuer.Mint(TeamsApplication.AppId, _connector.ServiceUrl));
        await PostAsync(client, "hi", personal: true);
        await PostAsync(client, "help");
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                update person set role = 'manager' where platform_user_id = 'aad-manager-1';
                update person r set manager_id = m.id from person m where r.platform_user_id = @Rep and m.platform_user_id = 'aad-manager-1';
                insert into rep_schedule (person_id, workspace_id, send_times) select id, workspace_id, '{10:00,15:30}' from person where platform_user_id = @Rep
                on conflict (person_id) do update set send_times = excluded.send_times;
                """, new { Rep = TeamsActivities.RepAadId }));
        }

        var reps = await PostAsync(client, "reps");
        var rep = await PostAsync(client, "rep @Riley Rep");
        var nudge = await PostAsync(client, "nudge @Riley Rep");

        Assert.Contains("Your reps (1):", reps);
        Assert.Contains("Riley Rep", reps);
        Assert.Contains("10:00, 15:30 on Mon,Tue,Wed,Thu,Fri", rep);
        Assert.Contains("next nudge is being worked out (10:00, 15:30 on Mon,Tue,Wed,Thu,Fri)", nudge);
    }

    /// <summary>Sends the text (an @mention in the managers' channel unless personal) and returns everything CoachBot sent back for it.</summary>
    private async Task<string> PostAsync(HttpClient client, string text, bool personal = false)
    {
        var before = _connector.Calls.Count;
        using var response = await client.PostActivityAsync(personal ? Activities.PersonalMessage(text) : Activities.ChannelMention(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join('\n', [await response.Content.ReadAsStringAsync(), .. _connector.Calls.Skip(before).Select(c => c.Body?.ToJsonString() ?? "")]);
    }
}
