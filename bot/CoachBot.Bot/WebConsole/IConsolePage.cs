namespace CoachBot.Bot.WebConsole;

/// <summary>
/// One page of the web console (Team, Coaching, Delivery, Escalations, Library). The console's host owns sign-in, the
/// layout and navigation; a page owns its data, its scoping to the viewer and its HTML. A seam because the pages and
/// the host change for different reasons and are tested apart.
/// </summary>
public interface IConsolePage
{
    /// <summary>The path segment under /console, e.g. "team".</summary>
    string Slug { get; }

    /// <summary>The navigation label, e.g. "Team".</summary>
    string Title { get; }

    /// <summary>Navigation order, smallest first.</summary>
    int Order { get; }

    /// <summary>Whether the viewer's role may open this page at all; the page still scopes its rows to the viewer.</summary>
    bool IsVisibleTo(ConsoleViewer viewer);

    /// <summary>
    /// The page body as an HTML fragment. Every piece of outside text (names, intents' text) is HTML-encoded by the
    /// page; a rep's own words (replies, chat) never appear. <paramref name="query"/> holds the request's query string.
    /// </summary>
    Task<string> RenderAsync(ConsoleViewer viewer, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken);
}
