namespace CoachBot.Coaching.Crm.Import;

public enum DealsCsvColumn
{
    Id,
    Name,
    OwnerEmail,
    OwnerName,
    Amount,
    Currency,
    Stage,
    Status,
    Won,
    Closed,
    CloseDate,
    CreatedDate,
    LastActivityDate,
    ModifiedDate,
}

/// <summary>
/// The headers a deals file may use, as HubSpot's and Salesforce's exports name them (docs/crm-setup.md#csv-import).
/// Compared without case, spaces or punctuation, so "Opportunity Owner: Email" and "opportunity_owner_email" match.
/// </summary>
public static class DealsCsvColumns
{
    public static readonly IReadOnlyDictionary<DealsCsvColumn, string[]> Aliases = new Dictionary<DealsCsvColumn, string[]>
    {
        [DealsCsvColumn.Id] = ["Record ID", "Deal ID", "Opportunity ID", "Id"],
        [DealsCsvColumn.Name] = ["Deal Name", "Opportunity Name", "Name"],
        [DealsCsvColumn.OwnerEmail] = ["Owner Email", "Deal Owner Email", "Opportunity Owner Email", "Opportunity Owner: Email", "Email"],
        [DealsCsvColumn.OwnerName] = ["Deal Owner", "Opportunity Owner", "Owner", "Owner Name"],
        [DealsCsvColumn.Amount] = ["Amount", "Deal Amount", "Opportunity Amount"],
        [DealsCsvColumn.Currency] = ["Currency", "Deal Currency Code", "Opportunity Currency", "Currency ISO Code", "Currency Code"],
        [DealsCsvColumn.Stage] = ["Deal Stage", "Stage", "Stage Name", "Opportunity Stage"],
        [DealsCsvColumn.Status] = ["Status", "Deal Status"],
        [DealsCsvColumn.Won] = ["Won", "Closed Won", "Is Won", "Is Closed Won"],
        [DealsCsvColumn.Closed] = ["Closed", "Is Closed"],
        [DealsCsvColumn.CloseDate] = ["Close Date", "Expected Close Date"],
        [DealsCsvColumn.CreatedDate] = ["Create Date", "Created Date", "Created On", "Deal Create Date"],
        [DealsCsvColumn.LastActivityDate] = ["Last Activity Date", "Last Activity"],
        [DealsCsvColumn.ModifiedDate] = ["Last Modified Date", "Last Modified", "Modified Date"],
    };

    public static readonly DealsCsvColumn[] Required = [DealsCsvColumn.Name, DealsCsvColumn.OwnerEmail, DealsCsvColumn.Stage];

    private static readonly Dictionary<string, DealsCsvColumn> ByKey = Aliases
        .SelectMany(a => a.Value.Select(alias => (Key: Key(alias), Column: a.Key))).Distinct()
        .ToDictionary(a => a.Key, a => a.Column);

    public static DealsCsvColumn? Find(string header) => ByKey.TryGetValue(Key(header), out var column) ? column : null;

    public static string Names(DealsCsvColumn column) => string.Join(", ", Aliases[column]);

    public static string Key(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
