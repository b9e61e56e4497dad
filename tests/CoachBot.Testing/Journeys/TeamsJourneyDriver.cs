using System.Text.Json.Nodes;
using CoachBot.Testing.Teams;

namespace CoachBot.Testing.Journeys;

/// <summary>
/// Teams as people use it: Bot Framework activities with real tokens from the local issuer to the real /api/messages,
/// CoachBot talking to the loopback fake Connector, and each person's screen read back from what CoachBot sent there
/// (their 1:1 chat, the managers' channel threads, cards replaced in place, the answers to card button invokes).
/// Managers give commands by @mentioning CoachBot in the managers' channel, reps by typing in their chat.
/// </summary>
public sealed class TeamsJourneyDriver(PostgresDatabase database) : IJourneyDriver
{
    public const string Channel = TeamsActivities.ManagersChannel;
    private readonly Dictionary<string, JourneyPerson> _people = [];
    private readonly List<(int At, string UserId, string Key, Shown Shown)> _invokeAnswers = [];
    private BotFrameworkIssuer _issuer = null!;
    private FakeBotConnector _connector = null!;
    private HttpClient _http = null!;
    private int _nextPost = 1_000;

    public string Platform => "Teams";

    public CoachBotApplication App { get; private set; } = null!;

    public JourneyJobs Jobs { get; private set; } = null!;

    public FakeBotConnector Connector => _connector;

    public static string UserId(JourneyPerson person) => "29:" + person.Handle;

    public static string AadId(JourneyPerson person) => "aad-" + person.Handle;

    public static string PersonalConversation(JourneyPerson person) => "a:dm-" + person.Handle;

    public async Task StartAsync(IReadOnlyList<JourneyPerson> people, IReadOnlyList<string> adminEmails)
    {
        _issuer = await BotFrameworkIssuer.StartAsync();
        _connector = await FakeBotConnector.StartAsync();
        foreach (var person in people)
        {
            _people[UserId(person)] = person;
            _connector.AddMember(UserId(person), AadId(person), person.Name, person.Email);
        }

        App = new CoachBotApplication(database).WithTeams(_issuer, _connector).WithSetting("Teams:ManagerChannelId", Channel).WithFakeClock();
        for (var i = 0; i < adminEmails.Count; i++)
        {
            App.WithSetting($"Coaching:Admins:{i}", adminEmails[i]);
        }

        _http = App.CreateClient();
        Jobs = new JourneyJobs(App);
    }

    public async Task OpenAsync(JourneyPerson who)
    {
        // Teams sends both when a person adds the app; CoachBot must welcome once.
        await PostAsync(Personal(who, "installationUpdate").With("action", "add"));
        await PostAsync(Personal(who, "conversationUpdate").With("membersAdded", new JsonArray(new JsonObject { ["id"] = TeamsActivities.BotId }, Account(who))));
    }

    public Task OpenHomeAsync(JourneyPerson who) => Task.CompletedTask; // Teams has no App Home; the journey reads the chat instead

    public Task CommandAsync(JourneyPerson who, string text) => who.Role == JourneyRole.Rep
        ? SayAsync(who, text)
        : PostAsync(InChannel(who, "message", NewPost())
            .With("text", $"<at>CoachBot</at> {text}")
            .With("entities", new JsonArray(
                new JsonObject { ["type"] = "mention", ["text"] = "<at>CoachBot</at>", ["mentioned"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "CoachBot" } },
                new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US" })));

    public Task SayAsync(JourneyPerson who, string text) => PostAsync(Personal(who, "message").With("text", text));

    public async Task PressAsync(JourneyPerson who, Shown message, ShownButton button)
    {
        var activity = message.Place == ShownPlace.ManagersChannel ? InChannel(who, "invoke", RootOf(message.Key)) : Personal(who, "invoke");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = message.Key;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute", ["verb"] = button.PlatformActionId,
                ["data"] = new JsonObject { ["actionId"] = button.ActionId, ["value"] = button.Value },
            },
            ["trigger"] = "manual",
        };
        var body = await PostAsync(activity);
        var answer = body.Length > 0 ? JsonNode.Parse(body) as JsonObject : null;
        Journey.Check(answer is not null && (int?)answer["statusCode"] == 200, $"pressing {button.Label} answered {body}");
        var at = _connector.Answered.Count;
        switch ((string?)answer!["type"])
        {
            case "application/vnd.microsoft.card.adaptive":
                var (text, buttons) = MessageReader.FromAdaptiveCard(answer["value"]);
                _invokeAnswers.Add((at, "*", message.Key, new Shown(message.Key, message.Place, text, buttons)));
                break;
            case "application/vnd.microsoft.activity.message":
                _invokeAnswers.Add((at, UserId(who), $"toast:{at}:{_invokeAnswers.Count}", new Shown($"toast:{at}:{_invokeAnswers.Count}", ShownPlace.OnlyYou, (string?)answer["value"] ?? "", [])));
                break;
        }

        await Jobs.DrainAsync();
    }

    public Task AddToManagersChannelAsync(JourneyPerson who) =>
        PostAsync(InChannel(who, "conversationUpdate", null)
            .With("membersAdded", new JsonArray(new JsonObject { ["id"] = TeamsActivities.BotId }))
            .With("channelData", new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = TeamsActivities.Tenant },
                ["team"] = new JsonObject { ["id"] = Channel, ["name"] = "Sales managers" },
                ["channel"] = new JsonObject { ["id"] = Channel },
                ["eventType"] = "teamMemberAdded",
            }));

    public IReadOnlyList<Shown> Screen(JourneyPerson who)
    {
        var user = UserId(who);
        var dms = new HashSet<string> { PersonalConversation(who) };
        var messages = new Dictionary<string, Shown>();
        var answered = _connector.Answered.ToList();
        var invokes = 0;
        for (var i = 0; i <= answered.Count; i++)
        {
            // Card answers to button invokes, in the order they came between Connector calls.
            for (; invokes < _invokeAnswers.Count && _invokeAnswers[invokes].At <= i; invokes++)
            {
                var (_, owner, key, shown) = _invokeAnswers[invokes];
                if ((owner == "*" && messages.ContainsKey(key)) || owner == user)
                {
                    messages[key] = shown;
                }
            }

            if (i == answered.Count)
            {
                break;
            }

            var (call, id) = answered[i];
            var segments = call.Path.Split('/');
            if (call.Method == "POST" && call.Path == "/v3/conversations")
            {
                if (call.Body?["channelData"]?["channel"] is not null)
                {
                    Add(messages, id, ShownPlace.ManagersChannel, call.Body?["activity"], who.Role != JourneyRole.Rep);
                }
                else if ((string?)call.Body?["members"]?[0]?["id"] == user)
                {
                    dms.Add(id);
                }
            }
            else if (call.Method == "POST" && segments is [_, "v3", "conversations", var conversation, "activities", ..])
            {
                var inChannel = conversation.StartsWith(Channel, StringComparison.Ordinal);
                Add(messages, id, inChannel ? ShownPlace.ManagersChannel : ShownPlace.Direct, call.Body, inChannel ? who.Role != JourneyRole.Rep : dms.Contains(conversation));
            }
            else if (call.Method == "PUT" && messages.TryGetValue(id, out var before))
            {
                Add(messages, id, before.Place, call.Body, visible: true);
            }
        }

        return [.. messages.Values];
    }

    private static void Add(Dictionary<string, Shown> messages, string id, ShownPlace place, JsonNode? activity, bool visible)
    {
        if (visible)
        {
            var (text, buttons) = MessageReader.FromActivity(activity);
            messages[id] = new Shown(id, place, text, buttons);
        }
    }

    private string NewPost() => (++_nextPost).ToString(System.Globalization.CultureInfo.InvariantCulture);

    // A card in a channel thread: its root is the thread's first post (the card itself when CoachBot started the thread).
    private string RootOf(string key) => key;

    private JsonObject Personal(JourneyPerson who, string type) => Base(type, PersonalConversation(who), "personal", who);

    private JsonObject InChannel(JourneyPerson who, string type, string? post)
    {
        var activity = Base(type, post is null ? Channel : $"{Channel};messageid={post}", "channel", who);
        activity["channelData"]!["team"] = new JsonObject { ["id"] = Channel };
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = Channel };
        return activity;
    }

    private static JsonObject Account(JourneyPerson who) => TeamsActivities.Person(UserId(who), AadId(who), who.Name);

    private JsonObject Base(string type, string conversationId, string conversationType, JourneyPerson who) => new()
    {
        ["type"] = type,
        ["id"] = $"f:{Guid.NewGuid():N}",
        ["timestamp"] = App.Clock.GetUtcNow().ToString("O"),
        ["serviceUrl"] = _connector.ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = Account(who),
        ["recipient"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "CoachBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = TeamsActivities.Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsActivities.Tenant } },
        ["locale"] = "en-US",
        ["localTimezone"] = who.TimeZone,
    };

    private async Task<string> PostAsync(JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", _issuer.Mint(TeamsApplication.AppId, _connector.ServiceUrl));
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Journey.Check(response.IsSuccessStatusCode, $"{activity["type"]} \"{activity["text"]}\" answered HTTP {(int)response.StatusCode} {body}");
        await Jobs.DrainAsync();
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        try
        {
            if (App is not null)
            {
                await App.DisposeAsync();
            }
        }
        finally
        {
            if (_connector is not null)
            {
                await _connector.DisposeAsync();
            }

            if (_issuer is not null)
            {
                await _issuer.DisposeAsync();
            }
        }
    }
}
