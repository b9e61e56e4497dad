using System.Net;
using CoachBot.Bot.WebConsole;
using CoachBot.Coaching.People;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoachBot.Testing.WebConsole;

/// <summary>
/// Two stand-ins for the real console pages, so host tests can see which <see cref="ConsoleViewer"/> the host passed:
/// "People" lists the names this viewer may see by the roster's rule; "Settings" is for admins only.
/// </summary>
public static class ConsoleTestPages
{
    public static CoachBotApplication WithConsoleTestPages(this CoachBotApplication app) => app.WithServices(services =>
    {
        services.AddSingleton<IConsolePage, PeopleInViewPage>();
        services.AddSingleton<IConsolePage, AdminSettingsPage>();
    });

    private sealed class PeopleInViewPage(NpgsqlDataSource dataSource) : IConsolePage
    {
        public string Slug => "people";
        public string Title => "People";
        public int Order => 10;

        public bool IsVisibleTo(ConsoleViewer viewer) => true;

        public async Task<string> RenderAsync(ConsoleViewer viewer, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken)
        {
            await using var command = dataSource.CreateCommand("""
                with recursive chain as (
                    select id from person where id = $1
                    union all
                    select p.id from person p join chain c on p.manager_id = c.id where $3 = 'manager'
                )
                select display_name from person
                where workspace_id = $2 and ($3 = 'admin' or id in (select id from chain))
                order by display_name
                """);
            command.Parameters.Add(new() { Value = viewer.PersonId });
            command.Parameters.Add(new() { Value = viewer.WorkspaceId });
            command.Parameters.Add(new() { Value = viewer.Role.ToString().ToLowerInvariant() });
            var names = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    names.Add(reader.GetString(0));
                }
            }

            return "<ul class=\"people\">" + string.Concat(names.Select(n => $"<li>{WebUtility.HtmlEncode(n)}</li>")) + "</ul>";
        }
    }

    private sealed class AdminSettingsPage : IConsolePage
    {
        public string Slug => "settings";
        public string Title => "Settings";
        public int Order => 20;

        public bool IsVisibleTo(ConsoleViewer viewer) => viewer.Role == PersonRole.Admin;

        public Task<string> RenderAsync(ConsoleViewer viewer, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken) =>
            Task.FromResult($"<p class=\"settings\">Workspace settings (admins only), workspace {viewer.WorkspaceId}.</p>");
    }
}
