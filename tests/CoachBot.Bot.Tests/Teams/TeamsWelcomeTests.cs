using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Testing;
using CoachBot.Testing.Teams;

namespace CoachBot.Bot.Tests.Teams;

// Issue 12 defect 4: Teams install activities carry no name, and the welcome read "Hi , I'm CoachBot". Real core, real tokens.
public sealed class TeamsWelcomeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private BotFrameworkIssuer _issuer = null!;
    private FakeBotConnector _connector = null!;

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
    public async Task TheWelcomeGreetsThePersonByTheNameTheConnectorHasForThem()
    {
        var (userId, aad) = NewPerson();
        _connector.AddMember(userId, aad, "Ava", "Martinez", "ava.martinez@contoso.com");

        var texts = await InstallAsync(userId, aad);

        Assert.Contains("Hi Ava, I'm CoachBot", texts);
        Assert.Empty(_connector.EmptyPlaceholders);
    }

    [Fact]
    public async Task WhenTheConnectorCannotSayWhoItIsTheWelcomeGreetsWithoutAName()
    {
        var (userId, aad) = NewPerson(); // unknown to the Connector: its member lookup answers 404

        var texts = await InstallAsync(userId, aad);

        Assert.Contains("Hi, I'm CoachBot", texts);
        Assert.DoesNotContain(texts, t => t.Contains("Hi ,", StringComparison.Ordinal));
        Assert.Empty(_connector.EmptyPlaceholders);
    }

    private async Task<List<string>> InstallAsync(string userId, string aad)
    {
        await using var app = new CoachBotApplication(database).WithTeams(_issuer, _connector);
        using var client = app.CreateTeamsClient(_issuer.Mint(TeamsApplication.AppId, _connector.ServiceUrl));
        var install = new TeamsActivities(_connector.ServiceUrl).PersonalInstall().With("from", TeamsActivities.Person(userId, aad, name: null));
        install["conversation"]!["id"] = $"a:chat-{aad}";

        var response = await client.PostActivityAsync(install);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. _connector.CallsTo("POST").Where(c => c.Path == $"/v3/conversations/a:chat-{aad}/activities").SelectMany(c => Texts(c.Body))];
    }

    private static (string UserId, string Aad) NewPerson()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        return ($"29:user-{id}", $"aad-{id}");
    }

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };
}
