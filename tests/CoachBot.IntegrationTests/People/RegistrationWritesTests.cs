using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;
using CoachBot.Testing;
using Npgsql;

namespace CoachBot.IntegrationTests.People;

/// <summary>
/// Registration writes only what changed (issue 14): a known person described as before leaves their row and their
/// workspace's row untouched (same xmin: no UPDATE, no lock), and a changed name rewrites the person only.
/// </summary>
public sealed class RegistrationWritesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task AKnownPersonDescribedAsBeforeWritesNothingAndANewNameOnlyTheirRow()
    {
        var directory = new PersonDirectory(database.DataSource);
        var sender = new Sender(new PersonKey(ChatPlatform.Slack, "T0WRITES", "U0WRITE"), "Wren Writer", "wren@example.com", "Europe/Paris", "fr-FR");
        var person = await directory.UpsertAsync(sender, default);
        var (personBefore, workspaceBefore) = await VersionsAsync(person.Id);

        var again = await directory.RegisterAsync(sender, new RegistrationRules(ManagerChannel: null), default);
        await directory.EnsureWorkspaceAsync(ChatPlatform.Slack, "T0WRITES", default);

        Assert.Equal((personBefore, workspaceBefore), await VersionsAsync(person.Id));
        Assert.Equal("Wren Writer", again.Person.DisplayName.Raw);

        var renamed = await directory.UpsertAsync(sender with { DisplayName = "Wren Wright" }, default);
        var (personAfter, workspaceAfter) = await VersionsAsync(person.Id);

        Assert.Equal("Wren Wright", renamed.DisplayName.Raw);
        Assert.NotEqual(personBefore, personAfter);
        Assert.Equal(workspaceBefore, workspaceAfter);
    }

    private async Task<(string Person, string Workspace)> VersionsAsync(long personId)
    {
        await using var command = database.DataSource.CreateCommand(
            "select p.xmin::text, w.xmin::text from person p join workspace w on w.id = p.workspace_id where p.id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = personId });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetString(1));
    }
}
