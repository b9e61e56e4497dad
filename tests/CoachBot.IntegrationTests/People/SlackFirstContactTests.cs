using CoachBot.IntegrationTests.EndToEnd;
using CoachBot.Testing;
using CoachBot.Testing.Slack;

namespace CoachBot.IntegrationTests.People;

// Issue 12 defects 3 and 12 on Slack: a slash command carries only a handle, so who the person is comes from users.info.
public sealed class SlackFirstContactTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task AnAdminConfiguredByEmailWhoseFirstContactIsCoachHelpGetsTheManagerCommands()
    {
        await using var team = await SlackTeam.StartAsync(database, admin: "ada@acme.example");

        var help = SlackAnswers.Texts(await team.CommandAsync(SlackTeam.Admin, "help"));
        var reps = SlackAnswers.Texts(await team.CommandAsync(SlackTeam.Admin, "reps"));

        Assert.Contains("Manager commands:", help);
        Assert.Contains("You have no reps in CoachBot's roster yet", reps);
        Assert.Equal(0, await team.ScalarAsync(
            "select count(*) from rep_profile r join person p on p.id = r.person_id where p.platform_user_id = @Admin", new { SlackTeam.Admin }));
        Assert.Equal(1, await team.ScalarAsync("select count(*) from person where platform_user_id = @Admin and role = 'admin'", new { SlackTeam.Admin }));
    }

    [Fact]
    public async Task AManagerWhoFirstWritesInTheirDmIsNotOnboardedAsARep()
    {
        await using var team = await SlackTeam.StartAsync(database, admin: "ada@acme.example");

        await team.EventAsync(SlackPayloads.DirectMessage(SlackTeam.Admin, "hello"));

        var answer = Assert.Single(team.TextsIn(SlackTeam.Admin));
        Assert.Contains("Unknown command \"hello\"", answer);
        Assert.Equal(0, await team.ScalarAsync(
            "select count(*) from rep_profile r join person p on p.id = r.person_id where p.platform_user_id = @Admin", new { SlackTeam.Admin }));
    }

    [Fact]
    public async Task ASlashCommandKeepsThePersonsProfileNameNotTheirHandle()
    {
        await using var team = await SlackTeam.StartAsync(database);
        await team.ImportRosterAsync();

        // Every command form carries user_name "ana"; it must not become anyone's name.
        await team.CommandAsync(SlackTeam.Rep, "help");
        await team.CommandAsync(SlackTeam.Manager, "help");
        var reps = SlackAnswers.Texts(await team.CommandAsync(SlackTeam.Manager, "reps"));
        var card = SlackAnswers.Texts(await team.CommandAsync(SlackTeam.Manager, "rep @Sam Rep"));

        Assert.Contains("• Sam Rep ·", reps);
        Assert.Contains("Maya Okafor", card);
    }
}
