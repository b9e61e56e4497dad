using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Testing;
using CoachBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Bot.Tests.Teams;

// Issue 13 on Teams: validly authenticated activities with malformed content get 400 and write nothing; odd but valid
// text (NUL, emoji, right-to-left, very long) is handled by the real core without an error.
public sealed class TeamsMalformedInputTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string Lone = "LONE-SURROGATE";
    private const string BadUtf8 = "BAD-UTF8";
    private readonly RecordingInbox _inbox = new();
    private readonly CapturingLoggerProvider _logs = new();
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

    public static TheoryData<string> Malformed =>
    [
        "NUL in id", "NUL in from.id", "NUL in from.aadObjectId", "NUL in conversation.id", "NUL in tenant id",
        "lone surrogate in channelData.tenant.id", "invalid UTF-8 in channelData.team.id", "invalid UTF-8 in a channelData property name",
        "lone surrogate in the text", "invalid UTF-8 in an invoke's action data", "lone surrogate in a submit's value",
        "bogus conversationType", "3,000-character id", "3,000-character from.id", "3,000-character conversation.id",
        "3,000-character member id", "NUL in a joining member's id",
    ];

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task AMalformedActivityIsABadRequestAndWritesNothing(string flaw)
    {
        await using var app = CreateApp(_inbox);
        var before = await RowCountsAsync();

        var response = await PostAsync(app, Body(flaw));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await RowCountsAsync());
        Assert.Empty(_inbox.Received);
        Assert.Empty(_connector.Calls);
        Assert.DoesNotContain(_logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, l => l.StartsWith("Debug 2216 Refused a malformed activity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OddButValidTextReachesTheRealCoreCleanedAndIsAnswered()
    {
        await using var app = CreateApp(inbox: null);
        var aad = $"aad-odd-{Guid.NewGuid():N}";
        var from = TeamsActivities.Person("29:odd-1", aad, "Ri\u0000ley 😀 רִבְקָה");
        var text = "Closed \u0000the deal 🎉 مرحبا بالعالم " + new string('x', 100_000);
        var activity = Activities.PersonalMessage(text).With("from", from);
        activity["conversation"]!["id"] = $"a:odd-{aad}";

        var response = await PostAsync(app, Encoding.UTF8.GetBytes(activity.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(_connector.CallsTo("POST"));
        await using var command = database.DataSource.CreateCommand("select display_name from person where platform_user_id = $1");
        command.Parameters.AddWithValue(aad);
        Assert.Equal("Riley 😀 רִבְקָה", await command.ExecuteScalarAsync());
        Assert.DoesNotContain(_logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
    }

    private byte[] Body(string flaw)
    {
        var activity = Activities.PersonalMessage("hello");
        switch (flaw)
        {
            case "NUL in id": activity["id"] = "1700\u00000001"; break;
            case "NUL in from.id": activity["from"]!["id"] = "29:rep\u0000-1"; break;
            case "NUL in from.aadObjectId": activity["from"]!["aadObjectId"] = "aad\u0000"; break;
            case "NUL in conversation.id": activity["conversation"]!["id"] = "a:personal\u0000"; break;
            case "NUL in tenant id": activity["conversation"]!["tenantId"] = "tenant\u0000-1"; break;
            case "lone surrogate in channelData.tenant.id": activity["channelData"]!["tenant"]!["id"] = Lone; break;
            case "invalid UTF-8 in channelData.team.id": activity["channelData"]!["team"] = new JsonObject { ["id"] = BadUtf8 }; break;
            case "invalid UTF-8 in a channelData property name": activity["channelData"]![BadUtf8] = 1; break;
            case "lone surrogate in the text": activity["text"] = $"hi {Lone}"; break;
            case "invalid UTF-8 in an invoke's action data": activity = Activities.Invoke(BadUtf8, "d-1", "card-1"); break;
            case "lone surrogate in a submit's value": activity = Activities.Submit("nudge.done", Lone, "card-1"); break;
            case "bogus conversationType": activity["conversation"]!["conversationType"] = "bogus"; break;
            case "3,000-character id": activity["id"] = new string('7', 3000); break;
            case "3,000-character from.id": activity["from"]!["id"] = "29:" + new string('r', 3000); break;
            case "3,000-character conversation.id": activity["conversation"]!["id"] = "a:" + new string('c', 3000); break;
            case "3,000-character member id": activity = Activities.TeamMembersAdded("19:team@thread.tacv2", TeamsActivities.Person("29:" + new string('m', 3000), "aad-m", "M")); break;
            case "NUL in a joining member's id": activity = Activities.TeamMembersAdded("19:team@thread.tacv2", TeamsActivities.Person("29:m", "aad-\u0000", "M")); break;
            default: throw new ArgumentOutOfRangeException(nameof(flaw), flaw, null);
        }

        // JsonObject cannot hold a lone surrogate or invalid UTF-8, so they are put into the serialized bytes.
        var json = activity.ToJsonString().Replace(Lone, "\\ud800", StringComparison.Ordinal);
        byte[] invalid = [0xC3, 0x28];
        return [.. json.Split(BadUtf8).Select(Encoding.UTF8.GetBytes).SelectMany((part, i) => i == 0 ? part : invalid.Concat(part))];
    }

    private async Task<HttpResponseMessage> PostAsync(CoachBotApplication app, byte[] body)
    {
        using var client = app.CreateTeamsClient(_issuer.Mint(TeamsApplication.AppId, _connector.ServiceUrl));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return await client.PostAsync("/api/messages", content);
    }

    private async Task<string> RowCountsAsync()
    {
        await using var command = database.DataSource.CreateCommand("""
            select concat_ws(' ', (select count(*) from processed_event where platform = 'teams'), (select count(*) from teams_conversation_reference),
                   (select count(*) from teams_member), (select count(*) from person))
            """);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private CoachBotApplication CreateApp(RecordingInbox? inbox)
    {
        var app = new CoachBotApplication(database).WithTeams(_issuer, _connector).WithServices(s => s.AddSingleton<ILoggerProvider>(_logs))
            .WithSetting("Logging:LogLevel:CoachBot.Bot.Teams", "Debug");
        return inbox is null ? app : app.WithInbox(inbox);
    }
}
