using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Teams.Graph;

/// <summary>
/// Installs CoachBot for one user through Graph and stores the 1:1 chat that opens, so a proactive send works at once.
/// Safe to repeat: an existing installation (409) is found and its chat stored again.
/// </summary>
public sealed class TeamsAppInstaller(GraphClient graph, ConversationReferenceStore references, IOptions<TeamsOptions> teams)
{
    /// <summary>True when this call installed the app, false when the user already had it.</summary>
    public async Task<bool> InstallAsync(string aadObjectId, string serviceUrl, CancellationToken cancellationToken)
    {
        var created = await graph.InstallAsync(aadObjectId, cancellationToken);
        var installation = await graph.FindInstallationAsync(aadObjectId, cancellationToken)
            ?? throw new GraphException(GraphFailure.Other, "InstallationNotListed", "Graph accepted the install but does not list it.");
        var chatId = await graph.GetChatIdAsync(aadObjectId, installation, cancellationToken);
        var tenant = teams.Value.TenantId;
        await references.SaveInstalledAsync(
            new TeamsConversationReference(tenant, chatId, TeamsConversationReference.Personal, serviceUrl, $"28:{teams.Value.AppId}", AadObjectId: aadObjectId),
            cancellationToken);
        return created;
    }
}
