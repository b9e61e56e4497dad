using System.Text;
using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Nudges.Linting;
using CoachBot.Coaching.Profiles;
using static CoachBot.Bot.WebConsole.Pages.Html;

namespace CoachBot.Bot.WebConsole.Pages;

/// <summary>
/// Browse the nudge library; <c>?intent=id</c> previews one intent in all four styles as Slack and Teams show it, with
/// the linter's findings. Library content is CoachBot's own writing, so every role may read it.
/// </summary>
public sealed class LibraryPage(NudgeLibrary library, LibraryLint lint) : IConsolePage
{
    public const string IntentParameter = "intent";

    public string Slug => "library";

    public string Title => "Library";

    public int Order => 50;

    public bool IsVisibleTo(ConsoleViewer viewer) => true;

    public Task<string> RenderAsync(ConsoleViewer viewer, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken)
    {
        if (query.TryGetValue(IntentParameter, out var id) && !string.IsNullOrWhiteSpace(id))
        {
            return Task.FromResult(library.Find(id.Trim()) is { } intent
                ? Intent(intent)
                : H2("Library") + P($"There is no intent called \"{id}\". Pick one from the list below.") + Index());
        }

        return Task.FromResult(H2("Library") + Index());
    }

    private string Index()
    {
        var html = new StringBuilder(P($"Library version {library.Version}: {library.Intents.Count} intents, each written in all {CommunicationStyles.All.Count} styles. Pick one to preview it."));
        if (lint.LibraryWide.Count > 0)
        {
            html.Append(H2("Library-wide linter findings")).Append(Findings(lint.LibraryWide));
        }

        html.Append("<table>\n<thead><tr><th scope=\"col\">Intent</th><th scope=\"col\">Skill</th><th scope=\"col\">Races</th><th scope=\"col\">Levels</th><th scope=\"col\">Linter</th></tr></thead>\n<tbody>\n");
        foreach (var intent in library.Intents)
        {
            var findings = lint.For(intent.Id).Count();
            html.Append($"<tr><td><a href=\"?{IntentParameter}={Uri.EscapeDataString(intent.Id)}\">{E(intent.Id)}</a></td>")
                .Append($"<td>{E(Capitalized(intent.Skill.Label()))}</td><td>{E(string.Join(", ", intent.Races.Order().Select(r => r.Label())))}</td>")
                .Append($"<td>{E(string.Join(", ", intent.Levels.Order().Select(l => l.Label())))}</td>")
                .Append($"<td>{E(findings == 0 ? "passes" : $"{findings} {(findings == 1 ? "finding" : "findings")}")}</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    private string Intent(NudgeIntent intent)
    {
        var html = new StringBuilder(H2($"Library: {intent.Id}"))
            .Append("<p><a href=\"?\">Back to the library</a></p>\n")
            .Append(Table(["Skill", "Action", "Why", "Source file"], [[Capitalized(intent.Skill.Label()), intent.Action, intent.Why, intent.SourceFile]]));
        var findings = lint.For(intent.Id).ToList();
        html.Append("<h3>Linter results</h3>\n").Append(findings.Count == 0
            ? P("Passes every content rule (word budget, one call to action, style tone, placeholders, readability, help).", "lint-pass")
            : Findings(findings));
        foreach (var style in CommunicationStyles.All)
        {
            html.Append(intent.Renderings.ContainsKey(style)
                ? LibraryPreview.Html(LibraryPreview.Render(intent, style))
                : $"<section class=\"rendering\">\n<h3>{E(Capitalized(style.Label()))}</h3>\n{P($"This intent has no {style.Label()} wording yet, so {style.Label()} reps are never sent it. Write one in {intent.SourceFile}.")}</section>\n");
        }

        return html.ToString();
    }

    private static string Findings(IEnumerable<LintFinding> findings) =>
        Table(["Rule", "Where", "What to fix"], findings.Select(f => (IReadOnlyList<string>)[f.Rule, f.Where, f.Message]));
}
