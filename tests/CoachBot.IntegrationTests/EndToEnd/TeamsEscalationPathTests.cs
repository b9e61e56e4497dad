using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Escalations;
using CoachBot.Testing;
using CoachBot.Testing.Teams;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.EndToEnd;

// Issue 7's core path on Teams: activities with real Bot Framework tokens into /api/messages, the real core, the fake Connector.
public sealed class TeamsEscalationPathTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string Channel = TeamsActivities.ManagersChannel;
    private const string ManagerAad = "aad-manager-1";

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
    public async Task AManagerAcknowledgesOneEscalationFromItsCardAndAnotherByMentionAndTheRepIsToldEachTime()
    {
        await using var app = new CoachBotApplication(database).WithTeams(_issuer, _connector).WithSetting("Teams:ManagerChannelId", Channel);
        using var client = app.CreateTeamsClient(_issuer.Mint(TeamsApplication.AppId, _connector.ServiceUrl));

        // First contact from both, then the roster says Maria manages Riley.
        await PostAsync(client, Activities.PersonalMessage("hi"));
        await PostAsync(client, Activities.ChannelMention("help"));
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                truncate escalation, audit_entry restart identity cascade;
                update person set role = 'manager' where platform_user_id = @ManagerAad;
                update person r set manager_id = m.id from person m where r.platform_user_id = @Rep and m.platform_user_id = @ManagerAad;
                """, new { ManagerAad, Rep = TeamsActivities.RepAadId }));
        }

        var repId = await ScalarAsync("select id from person where platform_user_id = @Rep", new { Rep = TeamsActivities.RepAadId });
        var escalations = app.Services.GetRequiredService<IEscalations>();
        var first = await escalations.RaiseAsync(new EscalationRequest(repId, EscalationReason.NeedHelp, "Stuck on pricing", "teams-e2e-1"), default);

        // The card went to the managers' channel, and only there.
        Assert.Equal([Channel], ChannelsPostedTo());
        Assert.Contains(first, Assert.Single(_connector.CallsTo("POST"), c => c.Body?["channelData"]?["channel"] is not null).Body!.ToJsonString(), StringComparison.Ordinal);
        var cardId = (string)(await CardActivityIdAsync(first))!;

        // Acknowledge from the card: an adaptiveCard/action invoke by the manager in the channel.
        var invoke = FromManagerInChannel(Activities.Invoke(EscalationActions.Acknowledge, first[2..], cardId), cardId);
        using (var response = await client.PostActivityAsync(invoke))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The card is replaced in place (PUT on its activity), showing the new state.
        var update = Assert.Single(_connector.CallsTo("PUT"), c => c.Path.EndsWith($"/activities/{cardId}", StringComparison.Ordinal));
        Assert.StartsWith($"/v3/conversations/{Channel}", update.Path, StringComparison.Ordinal);
        Assert.Contains("Acknowledged", update.Body!.ToJsonString(), StringComparison.Ordinal);

        Assert.Contains(RepMessages(), m => m.Contains("acknowledged", StringComparison.OrdinalIgnoreCase));

        // A second one acknowledged by @mention in the managers' channel.
        var second = await escalations.RaiseAsync(new EscalationRequest(repId, EscalationReason.NeedHelp, null, "teams-e2e-2"), default);
        var told = RepMessages().Count;
        await PostAsync(client, Activities.ChannelMention($"ack {second}"));

        Assert.Contains(RepMessages().Skip(told), m => m.Contains("acknowledged", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, await ScalarAsync("select count(*) from escalation where state = 'acknowledged'"));
        Assert.Equal(2, await ScalarAsync("select count(*) from audit_entry where action = @a", new { a = CoachBot.Coaching.People.AuditActions.EscalationAcknowledged }));
        Assert.Equal([Channel], ChannelsPostedTo());
    }

    private static async Task PostAsync(HttpClient client, JsonObject activity)
    {
        using var response = await client.PostActivityAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"{activity["type"]} answered {(int)response.StatusCode}");
    }

    private static JsonObject FromManagerInChannel(JsonObject activity, string cardId)
    {
        activity["from"] = TeamsActivities.Person("29:manager-1", ManagerAad, "Maria Manager");
        activity["conversation"]!["id"] = $"{Channel};messageid={cardId}";
        activity["conversation"]!["conversationType"] = "channel";
        activity["channelData"]!["team"] = new JsonObject { ["id"] = Channel };
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = Channel };
        return activity;
    }

    // Channels CoachBot opened a thread in (new conversations with channelData.channel) or replied in.
    private List<string> ChannelsPostedTo() =>
        [.. _connector.CallsTo("POST").Select(c => (string?)c.Body?["channelData"]?["channel"]?["id"]
                ?? (c.Path.StartsWith("/v3/conversations/19:", StringComparison.Ordinal) ? c.Path.Split('/')[3].Split(';')[0] : null))
            .OfType<string>().Distinct()];

    private List<string> RepMessages() =>
        [.. _connector.Calls.Where(c => c.Path.Contains(TeamsActivities.PersonalConversation, StringComparison.Ordinal) && c.Body is not null)
            .Select(c => c.Body!.ToJsonString())];

    private async Task<string?> CardActivityIdAsync(string reference)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "select channel_message_id from escalation where id = @id", new { id = long.Parse(reference[2..], System.Globalization.CultureInfo.InvariantCulture) }));
    }

    private async Task<long> ScalarAsync(string sql, object? args = null)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, args));
    }
}
