using System.Net;
using System.Text;
using CoachBot.Bot.Slack;
using CoachBot.Testing;
using CoachBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Bot.Tests.Slack;

// Validly signed requests with odd content: malformed ones get 400 and store nothing; odd but valid text is kept (U+0000 dropped).
public sealed class SlackOddInputTests(PostgresDatabase database) : SlackPipelineTest(database), IClassFixture<PostgresDatabase>
{
    private const string Marker = "MARKER";
    private static readonly string Long = new('7', 3000);

    public static TheoryData<string> MalformedEvents =>
    [
        "invalid UTF-8 in the text", "a lone surrogate in the text", "a lone surrogate in a name", "U+0000 in a name",
        "U+0000 in the event_id", "a 3,000-character event_id", "a 3,000-character team_id", "a 3,000-character user",
        "U+0000 in the channel", "a number jsonb cannot hold",
    ];

    [Theory]
    [MemberData(nameof(MalformedEvents))]
    public async Task AMalformedEventIsRefusedWith400AndNothingIsStored(string flaw)
    {
        var response = await Client.SendAsync("/slack/events", MalformedEvent(flaw), SlackTestClient.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    public static TheoryData<string, string> OddText => new()
    {
        { "before\0after", "beforeafter" },
        { "\0", "" },
        { "👋🏽 שלום עולם ‮reversed‬ مرحبا", "👋🏽 שלום עולם ‮reversed‬ مرحبا" },
        { @"C:\u0000 is not a NUL", @"C:\u0000 is not a NUL" },
        { new string('x', 200_000), new string('x', 200_000) },
        // Slack sends &, < and > typed by a person as entities: the core gets what was typed (and renderers escape it once).
        { "R&amp;D wants &lt;b&gt;30%&lt;/b&gt; off, ask <@U0MAYA>", "R&D wants <b>30%</b> off, ask <@U0MAYA>" },
        { "I typed &amp;lt; literally", "I typed &lt; literally" },
    };

    [Theory]
    [MemberData(nameof(OddText))]
    public async Task OddButValidMessageTextIsStoredAndReachesTheCore(string sent, string received)
    {
        var response = await Client.PostEventAsync(SlackPayloads.EventCallback(SlackPayloads.DirectMessage("U0ANA", sent)));
        await App.RunPendingSlackJobsAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(received, Assert.Single(Inbox.Messages).Text);
    }

    [Fact]
    public async Task ACommandGetsTheTextAsTypedNotSlacksEntities()
    {
        await Client.PostCommandAsync(SlackPayloads.Command("U0ANA", "keywords add R&amp;D &lt;urgent&gt;", Slack.NewResponseUrl()));

        Assert.Equal("keywords add R&D <urgent>", Assert.Single(Inbox.Commands).Text);
    }

    public static TheoryData<string> MalformedCommands =>
    [
        "U+0000 in the trigger_id", "a 3,000-character trigger_id", "U+0000 in the user_id", "a 3,000-character team_id",
        "a 3,000-character form key", "U+0000 in a form key", "2,000 form fields",
    ];

    [Theory]
    [MemberData(nameof(MalformedCommands))]
    public async Task AMalformedCommandIsRefusedWith400AndNothingIsStored(string flaw)
    {
        var response = await Client.SendAsync("/slack/commands", MalformedCommand(flaw), SlackTestClient.Form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Inbox.Commands);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task ANulInCommandTextIsDroppedAndTheCommandRuns()
    {
        var response = await Client.PostCommandAsync(SlackPayloads.Command("U0ANA", "help\0 me", Slack.NewResponseUrl()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("help me", Assert.Single(Inbox.Commands).Text);
    }

    [Fact]
    public async Task ASlowCommandWithANulIsFinishedLaterWithoutIt()
    {
        Inbox.CommandDelay = SlackCommandsEndpoint.Budget + TimeSpan.FromSeconds(1);

        var response = await Client.PostCommandAsync(SlackPayloads.Command("U0ANA", "stats\0 please", Slack.NewResponseUrl()));
        await App.Services.GetRequiredService<SlackCommandRunner>().StopAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SlackCommandsEndpoint.WorkingOnIt, await response.Content.ReadAsStringAsync());
        Assert.Equal("stats please", Assert.Single(Inbox.Commands).Text);
        Assert.Equal("Command: stats please", Assert.Single(Slack.CallsTo("response_url")).Arg("text"));
    }

    public static TheoryData<string> MalformedInteractions =>
    [
        "a 3,000-character action_ts", "U+0000 in the action_id", "a lone surrogate in the value", "a 3,000-character user id",
        "a 3,000-character form key",
    ];

    [Theory]
    [MemberData(nameof(MalformedInteractions))]
    public async Task AMalformedInteractionIsRefusedWith400AndNothingIsStored(string flaw)
    {
        var response = await Client.SendAsync("/slack/interactions", MalformedInteraction(flaw), SlackTestClient.Form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task ANulInAButtonValueIsDroppedAndTheClickIsHandled()
    {
        var response = await Client.PostInteractionAsync(SlackPayloads.BlockActions("U0ANA", "D0ANA", "1772442000.000100", "nudge.done", "d-\0-1"));
        await App.RunPendingSlackJobsAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("d--1", Assert.Single(Inbox.Actions).Value);
    }

    private async Task AssertNothingStoredAsync()
    {
        Assert.Equal(0, await CountAsync("select count(*) from slack_inbound"));
        Assert.Equal(0, await CountAsync("select count(*) from processed_event"));
    }

    private static byte[] MalformedEvent(string flaw)
    {
        var inner = SlackPayloads.DirectMessage("U0ANA", Marker);
        var envelope = SlackPayloads.EventCallback(inner);
        string With(string field, string json)
        {
            var target = field is "event_id" or "team_id" or "event_time" ? envelope : inner;
            target[field] = Marker;
            return envelope.ToJsonString().Replace($"\"{Marker}\"", json, StringComparison.Ordinal);
        }

        return flaw switch
        {
            "invalid UTF-8 in the text" => Splice(envelope.ToJsonString(), [0xC3, 0x28, 0xFF]),
            "a lone surrogate in the text" => Utf8(With("text", "\"x\\ud800y\"")),
            "a lone surrogate in a name" => Utf8(With("text", "\"hi\", \"\\udc00\": 1")),
            "U+0000 in a name" => Utf8(With("text", "\"hi\", \"te\\u0000xt\": \"hi\"")),
            "U+0000 in the event_id" => Utf8(With("event_id", "\"Ev1\\u00002\"")),
            "a 3,000-character event_id" => Utf8(With("event_id", $"\"Ev{Long}\"")),
            "a 3,000-character team_id" => Utf8(With("team_id", $"\"T{Long}\"")),
            "a 3,000-character user" => Utf8(With("user", $"\"U{Long}\"")),
            "U+0000 in the channel" => Utf8(With("channel", "\"D0\\u0000ANA\"")),
            "a number jsonb cannot hold" => Utf8(With("event_time", "1e200000")),
            _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
        };
    }

    private byte[] MalformedCommand(string flaw)
    {
        var fields = SlackPayloads.Command("U0ANA", "help", Slack.NewResponseUrl(), triggerId: "13345224609.738474920.8088930838d88f008e0");
        List<KeyValuePair<string, string>> With(string key, string value) => [.. fields.Where(f => f.Key != key), new(key, value)];
        return SlackTestClient.FormBytes(flaw switch
        {
            "U+0000 in the trigger_id" => With("trigger_id", "1334.7384\0.8088"),
            "a 3,000-character trigger_id" => With("trigger_id", Long),
            "U+0000 in the user_id" => With("user_id", "U0\0ANA"),
            "a 3,000-character team_id" => With("team_id", "T" + Long),
            "a 3,000-character form key" => [.. fields, new(Long, "x")],
            "U+0000 in a form key" => [.. fields, new("tex\0t", "x")],
            "2,000 form fields" => [.. fields, .. Enumerable.Range(0, 2000).Select(i => new KeyValuePair<string, string>($"f{i}", "x"))],
            _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
        });
    }

    private static byte[] MalformedInteraction(string flaw)
    {
        var payload = SlackPayloads.BlockActions("U0ANA", "D0ANA", "1772442000.000100", "nudge.done", "d-1");
        var action = payload["actions"]![0]!.AsObject();
        string With(System.Text.Json.Nodes.JsonObject target, string field, string json)
        {
            target[field] = Marker;
            return payload.ToJsonString().Replace($"\"{Marker}\"", json, StringComparison.Ordinal);
        }

        var json = flaw switch
        {
            "a 3,000-character action_ts" => With(action, "action_ts", $"\"{Long}\""),
            "U+0000 in the action_id" => With(action, "action_id", "\"nudge.done\\u0000\""),
            "a lone surrogate in the value" => With(action, "value", "\"\\udfff\""),
            "a 3,000-character user id" => With(payload["user"]!.AsObject(), "id", $"\"U{Long}\""),
            "a 3,000-character form key" => payload.ToJsonString(),
            _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
        };
        return SlackTestClient.FormBytes(flaw == "a 3,000-character form key" ? [new("payload", json), new(Long, "x")] : [new("payload", json)]);
    }

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    // Raw bytes where the text was: not valid UTF-8, which no string can hold.
    private static byte[] Splice(string json, byte[] raw)
    {
        var at = json.IndexOf(Marker, StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. raw, .. Encoding.UTF8.GetBytes(json[(at + Marker.Length)..])];
    }
}
