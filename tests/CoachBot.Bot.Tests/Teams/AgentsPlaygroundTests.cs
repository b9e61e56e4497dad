using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Nudges;
using CoachBot.Testing;
using CoachBot.Testing.Teams;
using Xunit.Abstractions;

namespace CoachBot.Bot.Tests.Teams;

// CoachBot on a real loopback port in local no-auth mode, driven by Microsoft's own Teams emulator.
public sealed class AgentsPlaygroundTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    [PlaygroundFact]
    public async Task InstallWelcomesTheRepAMessageGetsACardAndItsButtonUpdatesTheCard()
    {
        var inbox = new RecordingInbox
        {
            OnStarted = _ => InboxReply.Say("Welcome to CoachBot!"),
            OnMessage = _ => new InboxReply([new CoachMessage("Today's nudge", [
                new SectionBlock("Call one lost deal today and ask what tipped it."),
                new ActionsBlock([new ChatButton(NudgeActions.Done, "Done", "d-1", ButtonStyle.Primary)]),
            ])]),
            OnAction = _ => new InboxReply([]) { UpdatedSource = CoachMessage.Plain("Done. Nice work!") },
        };
        var botPort = FreePort();
        await using var app = new CoachBotApplication(database).WithLocalNoAuth().WithInbox(inbox);
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, botPort));
        app.StartServer();
        await using var playground = await AgentsPlayground.StartAsync(new Uri($"http://127.0.0.1:{botPort}/api/messages"), FreePort());
        try
        {
            var world = await playground.GetWorldAsync();
            var chat = world["personalChat"]!["id"]!.GetValue<string>();
            var user = world["currentUser"]!["id"]!.GetValue<string>();

            await playground.InstallAsync(chat);
            await playground.WaitForAsync(p => p.ToJsonString().Contains("Welcome to CoachBot!"));
            await playground.SayAsync(chat, user, "I closed the Acme deal");
            var cardMessage = await playground.WaitForAsync(p => p.ToJsonString().Contains("Call one lost deal today") && FindAction(p) is not null);
            var invoke = await playground.ClickAsync(chat, user, MessageId(cardMessage), FindAction(cardMessage)!);

            Assert.Equal("application/vnd.microsoft.card.adaptive", invoke["type"]!.GetValue<string>());
            Assert.Equal("Done. Nice work!", invoke["value"]!["body"]![0]!["text"]!.GetValue<string>());
            Assert.Single(inbox.All<RecordingInbox.Started>());
            Assert.Equal("I closed the Acme deal", Assert.Single(inbox.All<InboundMessage>()).Text);
            Assert.Equal((NudgeActions.Done, "d-1"), (Assert.Single(inbox.All<InboundAction>()).ActionId, inbox.All<InboundAction>()[0].Value));
        }
        finally
        {
            foreach (var pushed in playground.Pushed)
            {
                output.WriteLine(pushed.ToJsonString());
            }
        }
    }

    private static JsonNode? FindAction(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Action.Execute" => o,
        JsonObject o => o.Select(p => p.Value is null ? null : FindAction(p.Value)).FirstOrDefault(a => a is not null),
        JsonArray a => a.Select(n => n is null ? null : FindAction(n)).FirstOrDefault(x => x is not null),
        _ => null,
    };

    // The playground pushes {"action":"createMessage","message":{"messageId",…,"attachments"}} for each bot message.
    private static string MessageId(JsonNode frame) => frame["message"]!["messageId"]!.GetValue<string>();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
