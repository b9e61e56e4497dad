using CoachBot.LocalWorkspace.SignIn;
using Npgsql;

namespace CoachBot.Testing.WebConsole;

/// <summary>
/// The people console tests sign in as, in CoachBot's roster and at the issuers: a Slack workspace (an admin, two
/// managers and their reps) and a Teams tenant (a manager and a rep), plus a stranger the issuer knows and the roster does not.
/// </summary>
public static class ConsoleRoster
{
    public const string SlackTeam = "T0CONSOLE";
    public const string Tenant = "9a8b7c6d-0000-4000-8000-00000000c0a5";
    public const string TeamsManagerOid = "1f0e0d0c-0000-4000-8000-0000000000a1";
    public const string TeamsRepOid = "1f0e0d0c-0000-4000-8000-0000000000b2";

    public static readonly IssuerPerson Admin = new("U0ADMIN", "Ada Admin", "ada@console.example", "Sales operations");
    public static readonly IssuerPerson Maya = new("U0MAYA", "Maya Okafor", "maya@console.example", "Sales manager");
    public static readonly IssuerPerson Ava = new("U0AVA", "Ava Martinez", "ava@console.example", "SDR");
    public static readonly IssuerPerson Ben = new("U0BEN", "Ben Carter", "ben@console.example", "AE");
    public static readonly IssuerPerson Lars = new("U0LARS", "Lars Eriksen", "lars@console.example", "Sales manager");
    public static readonly IssuerPerson Chloe = new("U0CHLOE", "Chloé <Dubois> & Co", "chloe@console.example", "AE");
    public static readonly IssuerPerson Stranger = new("U0STRANGER", "Sam Stranger", "sam@elsewhere.example", "Not on the roster");
    public static readonly IssuerPerson TeamsManager = new(TeamsManagerOid, "Tara Teams", "tara@tenant.example", "Sales manager");
    public static readonly IssuerPerson TeamsRep = new(TeamsRepOid, "Teo Teams", "teo@tenant.example", "SDR");

    public static IssuerPerson[] SlackPeople => [Admin, Maya, Ava, Ben, Lars, Chloe, Stranger];
    public static IssuerPerson[] TeamsPeople => [TeamsManager, TeamsRep];

    public static async Task SeedAsync(NpgsqlDataSource dataSource)
    {
        await using (var workspaces = dataSource.CreateCommand(
            "insert into workspace (platform, external_id, name) values ('slack', $1, 'Console test'), ('teams', $2, 'Console tenant') on conflict do nothing"))
        {
            workspaces.Parameters.Add(new() { Value = SlackTeam });
            workspaces.Parameters.Add(new() { Value = Tenant });
            await workspaces.ExecuteNonQueryAsync();
        }

        (IssuerPerson Person, string Platform, string Role, IssuerPerson? Manager)[] rows =
        [
            (Admin, "slack", "admin", null), (Maya, "slack", "manager", null), (Lars, "slack", "manager", null),
            (Ava, "slack", "rep", Maya), (Ben, "slack", "rep", Maya), (Chloe, "slack", "rep", Lars),
            (TeamsManager, "teams", "manager", null), (TeamsRep, "teams", "rep", TeamsManager),
        ];
        foreach (var (person, platform, role, manager) in rows)
        {
            await using var insert = dataSource.CreateCommand("""
                insert into person (workspace_id, platform_user_id, email, display_name, role, manager_id)
                select w.id, $1, $2, $3, $4, (select m.id from person m where m.workspace_id = w.id and m.platform_user_id = $5)
                from workspace w where w.platform = $6 and w.external_id = $7
                on conflict (workspace_id, platform_user_id) do nothing
                """);
            foreach (var value in new object[] { person.Id, person.Email, person.Name, role, (object?)manager?.Id ?? DBNull.Value, platform, platform == "slack" ? SlackTeam : Tenant })
            {
                insert.Parameters.Add(new() { Value = value });
            }

            await insert.ExecuteNonQueryAsync();
        }
    }
}
