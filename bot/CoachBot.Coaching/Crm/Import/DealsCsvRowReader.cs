using CoachBot.Coaching.Managers;
using static CoachBot.Coaching.Crm.Import.DealsCsvColumn;

namespace CoachBot.Coaching.Crm.Import;

/// <summary>One data row: every problem in it is added (row number, what is wrong, what would be valid); null when there was one.</summary>
internal static class DealsCsvRowReader
{
    public static DealsCsvRow? Read(IReadOnlyDictionary<DealsCsvColumn, string?> cells, int row, List<string> problems)
    {
        var before = problems.Count;
        void Problem(string what) => problems.Add($"Row {row}: {what}");
        string? Cell(DealsCsvColumn column) => cells.GetValueOrDefault(column);

        var name = Cell(Name);
        var email = Cell(OwnerEmail)?.ToLowerInvariant();
        var stage = Cell(Stage);
        if (name is null)
        {
            Problem("the deal name is empty.");
        }

        if (email is null || !email.Contains('@') || email.Length > 254)
        {
            Problem(email is null ? "the owner email is empty." : $"owner \"{CommandArguments.Shorten(email)}\" is not an email (owners are matched to reps by email).");
        }

        if (stage is null)
        {
            Problem("the stage is empty.");
        }

        decimal? amount = null;
        if (Cell(Amount) is { } a)
        {
            amount = DealsCsvValues.TryAmount(a, out var value) ? value : Bad<decimal>($"amount \"{CommandArguments.Shorten(a)}\" is not a number (e.g. 12500.50).");
        }

        var closeDate = Date(CloseDate, "close date");
        var created = Date(CreatedDate, "created date");
        var lastActivity = Date(LastActivityDate, "last activity date");
        var modified = Date(ModifiedDate, "last modified date");
        var status = Status(stage ?? "");
        if (problems.Count > before)
        {
            return null;
        }

        var id = Cell(Id) ?? $"{email}/{DealsCsvColumns.Key(name!)}";
        return new DealsCsvRow(id, name!, email!, Cell(OwnerName), amount, Cell(Currency)?.ToUpperInvariant(), stage!, status,
            closeDate is { } c ? DateOnly.FromDateTime(c.UtcDateTime) : null, created, lastActivity, modified);

        T? Bad<T>(string what) where T : struct
        {
            Problem(what);
            return null;
        }

        DateTimeOffset? Date(DealsCsvColumn column, string label) => Cell(column) is not { } text ? null
            : DealsCsvValues.TryDate(text, out var at) ? at
            : Bad<DateTimeOffset>($"{label} \"{CommandArguments.Shorten(text)}\" is not a date: write it as 2026-03-31 (or 2026-03-31 14:30).");

        CrmDealStatus Status(string stageName)
        {
            if (Cell(DealsCsvColumn.Status) is { } s)
            {
                return DealsCsvValues.Status(s) ?? Bad<CrmDealStatus>($"status \"{CommandArguments.Shorten(s)}\" must be open, won or lost.") ?? CrmDealStatus.Open;
            }

            bool? Flag(DealsCsvColumn column) => Cell(column) is not { } f ? null
                : DealsCsvValues.Flag(f) ?? Bad<bool>($"{column.ToString().ToLowerInvariant()} \"{CommandArguments.Shorten(f)}\" must be true or false (yes/no, 1/0).");

            var won = Flag(Won);
            var closed = Flag(Closed);
            // Closed without won is lost; with neither flag, the stage name says (Closed Won / Closed Lost).
            return won == true ? CrmDealStatus.Won
                : closed == true ? CrmDealStatus.Lost
                : closed == false ? CrmDealStatus.Open
                : DealsCsvValues.FromStage(stageName);
        }
    }
}
