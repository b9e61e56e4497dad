using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;
using CoachBot.Testing;
using CoachBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static CoachBot.Testing.Teams.PlaygroundFrames;

namespace CoachBot.Bot.Tests.Teams;

// The manager's path with the real coaching core and PostgreSQL, driven by Microsoft's Teams emulator: the admin comes from
// Coaching:Admins by the email the Playground's member lookup returns, and its team's second channel is the managers' channel.
// Limit (Playground 0.2.28): every posted message comes from its one current user and only that user has a personal chat,
// so the reps cannot speak through it; their first contact and Megan's shared request go through the core's own services.
public sealed class AgentsPlaygroundManagerTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    [PlaygroundFact]
    public async Task AManagerListsHerRepsInTheManagersChannelAndAcknowledgesAnEscalationCardThere()
    {
        var botPort = FreePort();
        await using var playground = await AgentsPlayground.StartAsync(new Uri($"http://127.0.0.1:{botPort}/api/messages"), FreePort());
        var world = await playground.GetWorldAsync();
        var (bot, manager) = (world["bot"]!, world["currentUser"]!);
        var (megan, adele) = (world["users"]![0]!, world["users"]![1]!);
        var team = world["teams"]![0]!;
        var general = team["id"]!.GetValue<string>();
        var managersChannel = team["channels"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() != general)!["id"]!.GetValue<string>();
        var managerChat = world["personalChat"]!["id"]!.GetValue<string>();
        await using var app = new CoachBotApplication(database).WithLocalNoAuth()
            .WithSetting("Coaching:Admins:0", Str(manager, "email"))
            .WithSetting("Teams:ManagerChannelId", managersChannel);
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, botPort));
        app.StartServer();
        try
        {
            await playground.InstallAsync(managerChat);
            await playground.WaitForAsync(f => InChat(f, managerChat) && SeenText(f).Contains("You are a manager in CoachBot's roster"));
            await playground.InstallAsync(managersChannel);
            var csv = string.Join('\n',
                "email,name,role,manager,time zone",
                $"{Str(manager, "email")},{Str(manager, "name")},manager,,Europe/London",
                $"{Str(megan, "email")},{Str(megan, "name")},rep,{Str(manager, "email")},America/Chicago",
                $"{Str(adele, "email")},{Str(adele, "name")},rep,{Str(manager, "email")},Europe/Berlin");
            await playground.MentionAsync(managersChannel, Str(manager, "id"), bot, "import " + csv);
            await playground.WaitForAsync(f => InChat(f, managerChat) && SeenText(f).Contains("Roster imported: 1 matched by email, 2 not met yet"));

            // The Playground speaks only as its current user (it ignores "from" on posted messages, and has one personal
            // chat), so the reps' first contact goes through the core's front door with the sender a member lookup gives.
            var tenant = world["tenantId"]!.GetValue<string>();
            var inbox = app.Services.GetRequiredService<ICoachingInbox>();
            foreach (var rep in new[] { megan, adele })
            {
                var key = new PersonKey(ChatPlatform.Teams, tenant, Str(rep, "aadObjectId"));
                await inbox.OnConversationStartedAsync(new Sender(key, Str(rep, "name"), Str(rep, "email")), new ChatAddress(ChatPlatform.Teams, tenant, "a:" + Str(rep, "id")), CancellationToken.None);
            }

            // Asked in the channel, answered privately: the list arrives in the manager's own chat with CoachBot.
            await playground.MentionAsync(managersChannel, Str(manager, "id"), bot, "reps");
            var reps = SeenText(await playground.WaitForAsync(f => InChat(f, managerChat) && SeenText(f).Contains("Your reps")));
            Assert.Contains("Your reps (2):", reps);
            Assert.Contains($"• {Str(megan, "name")}", reps);
            Assert.Contains($"• {Str(adele, "name")}", reps);

            // Megan asks for help and agrees to share her note, as EscalationOffers does after "Yes, with a note".
            var people = app.Services.GetRequiredService<PersonDirectory>();
            var megansId = (await people.FindAsync(new PersonKey(ChatPlatform.Teams, tenant, Str(megan, "aadObjectId")), CancellationToken.None))!.Id;
            await app.Services.GetRequiredService<IEscalations>().RaiseAsync(
                new EscalationRequest(megansId, EscalationReason.NeedHelp, "Acme keeps stalling on price.", $"delivery:{Guid.NewGuid()}:need_help"), CancellationToken.None);
            var card = await playground.WaitForAsync(f => FindAction(f, "Acknowledge") is not null);
            Assert.StartsWith(managersChannel + ";messageid=", ConversationOf(card));
            Assert.Contains("Escalation E-1: Asked for help", SeenText(card));
            Assert.Contains(Str(megan, "name"), SeenText(card));
            Assert.Contains("Acme keeps stalling on price.", SeenText(card));
            Assert.Equal(["Acknowledge", "Resolve", "Reassign", "Snooze", "Note"], ButtonTitles(card["message"]));

            var answer = await playground.ClickAsync(ConversationOf(card), Str(manager, "id"), MessageId(card), FindAction(card, "Acknowledge")!);

            Assert.Equal("Done.", answer["value"]!.GetValue<string>());
            var updated = await playground.WaitForAsync(f => Str(f, "action") == "updateMessage" && MessageId(f) == MessageId(card));
            Assert.Contains($"Acknowledged by {Str(manager, "name")}", SeenText(updated));
            Assert.Equal(["Resolve", "Reassign", "Snooze", "Note"], ButtonTitles(updated["message"]));
            // Megan has no chat in this Playground, so the manager must not be told she was informed.
            var confirmation = SeenText(await playground.WaitForAsync(f => InChat(f, managerChat) && SeenText(f).Contains("E-1 acknowledged")));
            Assert.Equal("E-1 acknowledged. I couldn't reach the rep in chat, so please tell them yourself.", confirmation);
        }
        finally
        {
            foreach (var pushed in playground.Pushed)
            {
                output.WriteLine(pushed.ToJsonString());
            }
        }
    }

    private static bool InChat(JsonNode frame, string chat) => frame["actionConversationId"]?.GetValue<string>() == chat;

    private static string Str(JsonNode node, string name) => node[name]!.GetValue<string>();
}
