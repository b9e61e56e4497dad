using System.Globalization;
using CoachBot.Coaching.Managers;
using CsvHelper;

namespace CoachBot.Coaching.Crm.Import;

public sealed record DealsCsvRow(
    string Id, string Name, string OwnerEmail, string? OwnerName, decimal? Amount, string? Currency, string Stage, CrmDealStatus Status,
    DateOnly? CloseDate, DateTimeOffset? CreatedAt, DateTimeOffset? LastActivityAt, DateTimeOffset? ModifiedAt);

/// <summary>The parsed file: its rows when <see cref="Problems"/> is empty, else every problem found (and no rows).</summary>
public sealed record DealsCsvFile(IReadOnlyList<DealsCsvRow> Rows, IReadOnlyList<string> Problems, IReadOnlyList<string> IgnoredColumns);

/// <summary>
/// Reads a deals export (HubSpot or Salesforce; header row first). Every row is checked before any is used: one bad
/// row means the file is refused whole, with each problem's row number, so a fixed file can simply be sent again.
/// </summary>
public static class DealsCsv
{
    public const int MaxRows = 5000;

    public static DealsCsvFile Parse(string csv)
    {
        try
        {
            return ParseRows(csv);
        }
        catch (CsvFormatException)
        {
            return Refused("The CSV is malformed (check the quotes).");
        }
    }

    private static DealsCsvFile ParseRows(string csv)
    {
        using var reader = CsvReader.FromText(csv, new CsvReaderOptions { HasHeader = false, TrimWhitespace = true, FormatProvider = CultureInfo.InvariantCulture });
        if (!reader.Read())
        {
            return Refused("The file is empty: send the export's header row and its deals.");
        }

        var (columns, problems, ignored) = Header(reader);
        if (problems.Count > 0)
        {
            return new DealsCsvFile([], problems, ignored);
        }

        var rows = new List<DealsCsvRow>();
        var row = 1;
        while (reader.Read())
        {
            row++;
            var cells = columns.ToDictionary(c => c.Value, c => c.Key < reader.FieldCount && reader.GetString(c.Key) is { Length: > 0 } v ? v.Trim() : null);
            if (cells.Values.All(v => string.IsNullOrEmpty(v)))
            {
                continue;
            }

            if (DealsCsvRowReader.Read(cells, row, problems) is { } deal)
            {
                rows.Add(deal);
            }

            if (rows.Count > MaxRows)
            {
                return Refused($"More than {MaxRows} deals; split the file.");
            }
        }

        foreach (var twice in rows.GroupBy(r => r.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"Deal {CommandArguments.Shorten(twice.First().Name)} ({CommandArguments.Shorten(twice.Key)}) appears more than once; keep one row per deal.");
        }

        return problems.Count > 0 ? new DealsCsvFile([], problems, ignored)
            : rows.Count == 0 ? Refused("No deals found under the header row.")
            : new DealsCsvFile(rows, [], ignored);
    }

    private static (Dictionary<int, DealsCsvColumn> Columns, List<string> Problems, List<string> Ignored) Header(CsvReader reader)
    {
        var columns = new Dictionary<int, DealsCsvColumn>();
        var problems = new List<string>();
        var ignored = new List<string>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var header = reader.GetString(i)?.Trim() ?? "";
            if (DealsCsvColumns.Find(header) is not { } column)
            {
                if (header.Length > 0)
                {
                    ignored.Add(header);
                }
            }
            else if (columns.ContainsValue(column))
            {
                problems.Add($"Two columns mean the same ({CommandArguments.Shorten(header)}); keep one of: {DealsCsvColumns.Names(column)}.");
            }
            else
            {
                columns[i] = column;
            }
        }

        foreach (var missing in DealsCsvColumns.Required.Where(r => !columns.ContainsValue(r)))
        {
            problems.Add($"No {Describe(missing)} column: name one {DealsCsvColumns.Names(missing)}.");
        }

        return (columns, problems, ignored);
    }

    private static string Describe(DealsCsvColumn column) => column switch
    {
        DealsCsvColumn.OwnerEmail => "owner email",
        DealsCsvColumn.Name => "deal name",
        _ => "stage",
    };

    private static DealsCsvFile Refused(string problem) => new([], [problem], []);
}
