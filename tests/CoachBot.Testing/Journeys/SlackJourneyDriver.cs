using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoachBot.Testing.Journeys;

/// <summary>
/// Slack as people use it: signed requests (at CoachBot's clock) to the real /slack/events, /slack/commands and
/// /slack/interactions, CoachBot talking to the loopback fake Web API, and each person's screen read back from what
/// CoachBot posted there (DMs, the managers' channel, ephemeral answers, response_url answers, App Home).
/// </summary>
public sealed class SlackJourneyDriver(PostgresDatabase database) : IJourneyDriver
{
    private const string Channel = SlackApplication.ManagerChannel;
    private readonly Dictionary<string, JourneyPerson> _byUserId = [];
    private readonly ConcurrentDictionary<string, (string UserId, string? Channel, string? Ts, bool Ephemeral)> _responseUrls = new();
    private readonly List<(string UserId, string Key, Shown Shown)> _commandAnswers = [];
    private FakeSlackServer _slack = null!;
    private SlackTestClient _client = null!;
    private JourneyJobs _jobs = null!;

    public string Platform => "Slack";

    public CoachBotApplication App { get; private set; } = null!;

    public JourneyJobs Jobs => _jobs;

    public FakeSlackServer Slack => _slack;

    public static string UserId(JourneyPerson person) => "U0" + person.Handle.ToUpperInvariant();

    public async Task StartAsync(IReadOnlyList<JourneyPerson> people, IReadOnlyList<string> adminEmails)
    {
        _slack = await FakeSlackServer.StartAsync();
        foreach (var person in people)
        {
            _slack.AddUser(UserId(person), person.Name, person.TimeZone, person.Email);
            _byUserId[UserId(person)] = person;
        }

        _slack.SetMembers(Channel, [FakeSlackServer.BotUserId, .. people.Where(p => p.Role != JourneyRole.Rep).Select(UserId)]);
        App = new CoachBotApplication(database).WithSlackAndRealCore(_slack).WithFakeClock();
        for (var i = 0; i < adminEmails.Count; i++)
        {
            App.WithSetting($"Coaching:Admins:{i}", adminEmails[i]);
        }

        _client = App.CreateSignedSlackClient();
        _jobs = new JourneyJobs(App);
        // Startup learns the bot's ids with auth.test and records the workspace; nothing may race it.
        for (var i = 0; i < 200 && !await WorkspaceKnownAsync(); i++)
        {
            await Task.Delay(25);
        }
    }

    public Task OpenAsync(JourneyPerson who) => EventAsync(new JsonObject
    {
        ["type"] = "app_home_opened", ["user"] = UserId(who), ["channel"] = FakeSlackServer.DirectChannel(UserId(who)), ["tab"] = "messages",
    });

    public Task OpenHomeAsync(JourneyPerson who) => EventAsync(SlackPayloads.HomeOpened(UserId(who)));

    public async Task CommandAsync(JourneyPerson who, string text)
    {
        var user = UserId(who);
        var channel = who.Role == JourneyRole.Rep ? FakeSlackServer.DirectChannel(user) : Channel;
        var responseUrl = _slack.NewResponseUrl();
        _responseUrls[responseUrl.ToString()] = (user, null, null, true);
        var fields = SlackPayloads.Command(user, text, responseUrl, channel: channel);
        // Slack sends the person's handle as user_name; CoachBot must not take it for their name.
        fields = [.. fields.Where(f => f.Key != "user_name"), new("user_name", who.Handle.ToLowerInvariant())];
        using var response = await _client.SendAsync("/slack/commands", SlackTestClient.FormBytes(fields), SlackTestClient.Form, App.Clock.GetUtcNow());
        var body = await response.Content.ReadAsStringAsync();
        Journey.Check(response.IsSuccessStatusCode, $"/coach {text} answered HTTP {(int)response.StatusCode}: {body}");
        if (body.Length > 0 && JsonNode.Parse(body) is JsonObject answer)
        {
            var (shownText, buttons) = MessageReader.FromSlack((string?)answer["text"], answer["blocks"]);
            var place = (string?)answer["response_type"] == "in_channel" && channel == Channel ? ShownPlace.ManagersChannel : ShownPlace.OnlyYou;
            _commandAnswers.Add((user, $"cmd:{responseUrl}", new Shown($"cmd:{responseUrl}", place, shownText, buttons)));
        }

        await _jobs.DrainAsync();
    }

    public Task SayAsync(JourneyPerson who, string text) => EventAsync(SlackPayloads.DirectMessage(UserId(who), text));

    public async Task PressAsync(JourneyPerson who, Shown message, ShownButton button)
    {
        var user = UserId(who);
        var (channel, ts, ephemeral) = Locate(who, message);
        var responseUrl = _slack.NewResponseUrl();
        _responseUrls[responseUrl.ToString()] = (user, channel, ts, ephemeral);
        var payload = SlackPayloads.BlockActions(user, channel, ts, button.PlatformActionId, button.Value, responseUrl: responseUrl.ToString());
        payload["container"]!["is_ephemeral"] = ephemeral;
        using var response = await _client.SendAsync("/slack/interactions",
            SlackTestClient.FormBytes([new("payload", payload.ToJsonString())]), SlackTestClient.Form, App.Clock.GetUtcNow());
        Journey.Check(response.IsSuccessStatusCode, $"pressing {button.Label} answered HTTP {(int)response.StatusCode}");
        await _jobs.DrainAsync();
    }

    public Task AddToManagersChannelAsync(JourneyPerson who) => Task.CompletedTask; // the channel is configured by id (README step 2)

    public IReadOnlyList<Shown> Screen(JourneyPerson who)
    {
        var user = UserId(who);
        var messages = new Dictionary<string, Shown>();
        var dm = FakeSlackServer.DirectChannel(user);
        foreach (var posted in _slack.MessagesIn(dm))
        {
            messages[$"{dm}:{posted["ts"]}"] = Read($"{dm}:{posted["ts"]}", ShownPlace.Direct, posted);
        }

        if (who.Role != JourneyRole.Rep)
        {
            foreach (var posted in _slack.MessagesIn(Channel))
            {
                messages[$"{Channel}:{posted["ts"]}"] = Read($"{Channel}:{posted["ts"]}", ShownPlace.ManagersChannel, posted);
            }
        }

        foreach (var (owner, key, shown) in _commandAnswers)
        {
            if (owner == user || shown.Place == ShownPlace.ManagersChannel && who.Role != JourneyRole.Rep)
            {
                messages[key] = shown;
            }
        }

        // Edits and later answers, in the order CoachBot made them.
        var calls = _slack.Calls;
        for (var i = 0; i < calls.Count; i++)
        {
            var call = calls[i];
            switch (call.Method)
            {
                case "chat.update" when messages.ContainsKey($"{call.Arg("channel")}:{call.Arg("ts")}"):
                    var key = $"{call.Arg("channel")}:{call.Arg("ts")}";
                    messages[key] = Read(key, messages[key].Place, call.Args);
                    break;
                case "chat.postEphemeral" when call.Arg("user") == user:
                    messages[$"eph:{i}"] = Read($"eph:{i}", ShownPlace.OnlyYou, call.Args);
                    break;
                case "response_url":
                    ApplyResponse(user, call, i, messages);
                    break;
                case "views.publish" when call.Arg("user_id") == user:
                    var view = call.Args["view"] is JsonValue v && v.TryGetValue<string>(out var raw) ? JsonNode.Parse(raw) : call.Args["view"];
                    var (text, buttons) = MessageReader.FromSlack(null, view?["blocks"]);
                    messages["home"] = new Shown("home", ShownPlace.Home, text, buttons);
                    break;
            }
        }

        return [.. messages.Values];
    }

    private void ApplyResponse(string user, SlackCall call, int index, Dictionary<string, Shown> messages)
    {
        var url = call.Hook is { } hook ? new Uri(_slack.BaseUrl, $"hooks/{hook}").ToString() : null;
        if (url is null || !_responseUrls.TryGetValue(url, out var origin) || origin.UserId != user)
        {
            return;
        }

        var (_, channel, ts, _) = origin;
        var replace = call.Arg("replace_original") == "true";
        var inChannel = call.Arg("response_type") == "in_channel";
        string key;
        if (replace && ts is not null)
        {
            key = messages.Keys.FirstOrDefault(k => k.EndsWith($":{ts}", StringComparison.Ordinal)) ?? $"{channel}:{ts}";
        }
        else
        {
            key = replace && ts is null ? $"cmd:{url}" : $"resp:{index}";
        }

        var place = messages.TryGetValue(key, out var existing) ? existing.Place : inChannel ? ShownPlace.ManagersChannel : ShownPlace.OnlyYou;
        messages[key] = Read(key, place, call.Args);
    }

    // Ephemeral answers have no ts of their own that CoachBot could edit; Slack sends the click with is_ephemeral.
    private static (string Channel, string Ts, bool Ephemeral) Locate(JourneyPerson who, Shown message)
    {
        var parts = message.Key.Split(':', 2);
        return parts[0] switch
        {
            "cmd" or "resp" or "eph" or "home" => (who.Role == JourneyRole.Rep ? FakeSlackServer.DirectChannel(UserId(who)) : Channel, "1772442000.000001", true),
            _ => (parts[0], parts[1], false),
        };
    }

    private static Shown Read(string key, ShownPlace place, JsonObject message)
    {
        var (text, buttons) = MessageReader.FromSlack((string?)message["text"], message["blocks"]);
        return new Shown(key, place, text, buttons);
    }

    private async Task EventAsync(JsonObject inner)
    {
        var envelope = SlackPayloads.EventCallback(inner);
        using var response = await _client.SendAsync("/slack/events", Encoding.UTF8.GetBytes(envelope.ToJsonString()), SlackTestClient.Json, App.Clock.GetUtcNow());
        Journey.Check(response.IsSuccessStatusCode, $"{inner["type"]} event answered HTTP {(int)response.StatusCode}");
        await _jobs.DrainAsync();
    }

    private async Task<bool> WorkspaceKnownAsync()
    {
        await using var command = database.DataSource.CreateCommand("select count(*) from workspace where bot_user_id is not null");
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        try
        {
            if (App is not null)
            {
                await App.DisposeAsync();
            }
        }
        finally
        {
            if (_slack is not null)
            {
                await _slack.DisposeAsync();
            }
        }
    }
}
