using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Testing;
using CoachBot.Testing.Teams;
using Dapper;

namespace CoachBot.IntegrationTests.People;

// Issue 12 defects 3 and 13 and issue 13's escaping on Teams: activities carry no email, mentions arrive as <at>Name</at>.
public sealed class TeamsPeopleTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string ManagerUserId = "29:manager-1";
    private const string ManagerAad = "aad-manager-1";
    private const string ManagerConversation = "a:personal-manager-1";

    private BotFrameworkIssuer _issuer = null!;
    private FakeBotConnector _connector = null!;

    private TeamsActivities Activities => new(_connector.ServiceUrl);

    public async Task InitializeAsync()
    {
        _issuer = await BotFrameworkIssuer.StartAsync();
        _connector = await FakeBotConnector.StartAsync();
        _connector.AddMember(ManagerUserId, ManagerAad, "Maria Manager", "maria@acme.example");
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(new CommandDefinition("truncate person, roster_entry, audit_entry restart identity cascade"));
    }

    public async Task DisposeAsync()
    {
        await _issuer.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task AnAdminConfiguredByEmailWhoseFirstMessageIsHelpGetsTheManagerCommands()
    {
        await using var app = CreateApp();
        using var client = app.CreateTeamsClient(_issuer.Mint(TeamsApplication.AppId, _connector.ServiceUrl));

        var answer = await ManagerSaysAsync(client, "help");

        Assert.Contains("Manager commands:", answer);
        Assert.Equal(0, await ScalarAsync("select count(*) from rep_profile r join person p on p.id = r.person_id where p.platform_user_id = @ManagerAad", new { ManagerAad }));
        Assert.Equal(1, await ScalarAsync("select count(*) from person where platform_user_id = @ManagerAad and role = 'admin'", new { ManagerAad }));
    }

    [Fact]
    public async Task AManagerNamesARepWithATeamsMentionOrTheirFullName()
    {
        await using var app = CreateApp();
        using var client = app.CreateTeamsClient(_issuer.Mint(TeamsApplication.AppId, _connector.ServiceUrl));
        await ImportRileyAsync(client, "Riley Rep");

        var byMention = await ManagerSaysAsync(client, "rep <at>Riley Rep</at>", Mention(TeamsActivities.RepUserId, "Riley Rep"));
        var byName = await ManagerSaysAsync(client, "rep Riley Rep");
        var unknown = await ManagerSaysAsync(client, "rep Rilee Rep");

        Assert.Contains("Riley Rep", byMention);
        Assert.DoesNotContain("can't", byMention);
        Assert.Contains("Riley Rep", byName);
        Assert.DoesNotContain("can't", byName);
        Assert.Contains("Did you mean Riley Rep?", unknown);
        Assert.Contains("@mention", unknown);
    }

    [Fact]
    public async Task ANameWithMarkdownAndHtmlAppearsLiterallyInCards()
    {
        const string name = "**Riley** <b>Rep</b> [x](https://evil.example) &amp;";
        await using var app = CreateApp();
        using var client = app.CreateTeamsClient(_issuer.Mint(TeamsApplication.AppId, _connector.ServiceUrl));
        await ImportRileyAsync(client, name);

        var reps = (await ManagerCardsAsync(client, "reps")).Last();
        var profile = (await ManagerCardsAsync(client, "rep <at>x</at>", Mention(TeamsActivities.RepUserId, "x"))).Last();

        const string escaped = @"\*\*Riley\*\* \<b\>Rep\</b\> \[x\]";
        Assert.Contains(TextBlocks(reps), t => t.Contains(escaped, StringComparison.Ordinal) && t.Contains(@"\&amp;", StringComparison.Ordinal));
        Assert.Contains(TextBlocks(profile), t => t.StartsWith(escaped, StringComparison.Ordinal));
        Assert.DoesNotContain(TextBlocks(reps).Concat(TextBlocks(profile)), t => t.Contains("**Riley**", StringComparison.Ordinal) || t.Contains("<b>", StringComparison.Ordinal));
        Assert.Equal(CoachBot.Platforms.Teams.CardText.Safe($"{name}'s coaching profile"), (string?)profile["fallbackText"]);
    }

    private CoachBotApplication CreateApp() => new CoachBotApplication(database)
        .WithTeams(_issuer, _connector)
        .WithSetting("Teams:ManagerChannelId", TeamsActivities.ManagersChannel)
        .WithSetting("Coaching:Admins:0", "maria@acme.example");

    // The admin has imported Riley; Riley's first message matches the roster by the email the Connector gives.
    private async Task ImportRileyAsync(HttpClient client, string name)
    {
        _connector.AddMember(TeamsActivities.RepUserId, TeamsActivities.RepAadId, name, "riley@acme.example");
        // Teams folds a message onto one line, so the CSV goes in as `import` would store it.
        await ManagerSaysAsync(client, "help");
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                insert into roster_entry (workspace_id, email, display_name, role, manager_email, time_zone, imported_at)
                select workspace_id, 'riley@acme.example', 'Riley Rep', 'rep', 'maria@acme.example', 'Europe/Berlin', now() from person where platform_user_id = @ManagerAad
                """, new { ManagerAad }));
        }

        var hello = Activities.PersonalMessage("hi");
        hello["from"]!["name"] = name;
        await PostAsync(client, hello);
        Assert.Equal(1, await ScalarAsync("select count(*) from person r join person m on m.id = r.manager_id where r.platform_user_id = @Rep and m.platform_user_id = @ManagerAad",
            new { Rep = TeamsActivities.RepAadId, ManagerAad }));
    }

    /// <summary>What the manager sees: every TextBlock of the cards CoachBot answered with.</summary>
    private async Task<string> ManagerSaysAsync(HttpClient client, string text, JsonObject? mention = null) =>
        string.Join('\n', (await ManagerCardsAsync(client, text, mention)).SelectMany(TextBlocks));

    private async Task<List<JsonObject>> ManagerCardsAsync(HttpClient client, string text, JsonObject? mention = null)
    {
        var before = _connector.Calls.Count;
        var activity = Activities.PersonalMessage(text);
        activity["from"] = TeamsActivities.Person(ManagerUserId, ManagerAad, "Maria Manager");
        activity["conversation"]!["id"] = ManagerConversation;
        if (mention is not null)
        {
            activity["entities"] = new JsonArray(mention);
        }

        await PostAsync(client, activity);
        return [.. _connector.Calls.Skip(before)
            .Where(c => c.Method == "POST" && c.Path.Contains(ManagerConversation, StringComparison.Ordinal))
            .Select(c => c.Body!["attachments"]![0]!["content"]!.AsObject())];
    }

    private static JsonObject Mention(string id, string name) =>
        new() { ["type"] = "mention", ["text"] = $"<at>{name}</at>", ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name } };

    private static IEnumerable<string> TextBlocks(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "TextBlock" => [(string?)o["text"] ?? ""],
        JsonObject o => o.SelectMany(p => TextBlocks(p.Value)),
        JsonArray a => a.SelectMany(TextBlocks),
        _ => [],
    };

    private static async Task PostAsync(HttpClient client, JsonObject activity)
    {
        using var response = await client.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<long> ScalarAsync(string sql, object? args = null)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, args));
    }
}
