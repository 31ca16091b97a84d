namespace KlpCcp.Facts.Records;

public enum Linkage
{
    None,
    Internal,
    External,
}
