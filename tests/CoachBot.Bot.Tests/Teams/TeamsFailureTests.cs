using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;
using CoachBot.Testing;
using CoachBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Bot.Tests.Teams;

// A handler that throws: the person is told, the log has one Error, and the same activity delivered again is processed.
public sealed class TeamsFailureTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string Apology = "Sorry, something went wrong on my side and I could not handle that. Please try again in a minute.";
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

    [Fact]
    public async Task AMessageWhoseHandlingFailsGetsAnApologyNot500AndItsRedeliveryIsProcessed()
    {
        var calls = 0;
        _inbox.OnMessage = _ => ++calls == 1 ? throw new InvalidOperationException("the core broke") : InboxReply.Say("Noted: you closed the deal.");
        await using var app = CreateApp();
        var activity = Activities.PersonalMessage("Closed the Acme deal");

        var first = await Client(app).PostActivityAsync(activity);
        var apology = Assert.Single(_connector.CallsTo("POST"));
        var redelivered = await Client(app).PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal($"/v3/conversations/{TeamsActivities.PersonalConversation}/activities", apology.Path);
        Assert.Equal(Apology, CardText(apology.Body!));
        Assert.Single(_logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, l => l.StartsWith("Error 2213 ", StringComparison.Ordinal) && l.Contains("the core broke"));

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(2, _inbox.All<InboundMessage>().Count);
        Assert.Equal("Noted: you closed the deal.", CardText(_connector.CallsTo("POST")[^1].Body!));
        Assert.Single(_logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AButtonWhoseHandlingFailsShowsTheApologyUnderTheCardAndCanBePressedAgain()
    {
        var calls = 0;
        _inbox.OnAction = _ => ++calls == 1 ? throw new TimeoutException("slow database") : new InboxReply([]) { UpdatedSource = CoachMessage.Plain("Done ✓") };
        await using var app = CreateApp();
        var invoke = Activities.Invoke("nudge.done", "d-1", replyToId: "card-1");

        var first = await Client(app).PostActivityAsync(invoke);
        var again = await Client(app).PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var answer = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        Assert.Equal(("application/vnd.microsoft.activity.message", Apology), (answer["type"]!.GetValue<string>(), answer["value"]!.GetValue<string>()));
        var updated = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
        Assert.Equal("Done ✓", updated["value"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(2, _inbox.All<InboundAction>().Count);
    }

    private static string CardText(JsonNode activity) => activity["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>();

    private CoachBotApplication CreateApp() => new CoachBotApplication(database).WithTeams(_issuer, _connector).WithInbox(_inbox)
        .WithServices(s => s.AddSingleton<ILoggerProvider>(_logs))
        .ExpectErrors("these tests make the core fail", e => e.Category.EndsWith(".ActivityFailureFilter", StringComparison.Ordinal));

    private HttpClient Client(CoachBotApplication app) => app.CreateTeamsClient(_issuer.Mint(TeamsApplication.AppId, _connector.ServiceUrl));
}
