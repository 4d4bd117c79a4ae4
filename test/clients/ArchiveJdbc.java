// A tiny JDBC client of a news_archive archive, run by test/suites/clients.sh
// with the Debian PostgreSQL JDBC driver:
//   java -cp /usr/share/java/postgresql.jar ArchiveJdbc.java JDBC_URL USER ARCHIVE
// Prints, one per line:
//   type VIEW COLUMN JDBC_TYPE_NAME SQL_TYPE     the views' column types
//   title ISSUE ORDINAL MD5_OF_TITLE            MD5s computed here, in Java,
//   body ISSUE ORDINAL MD5_OF_BODY CHARS        of the text as it arrived
//   authors ISSUE ORDINAL N NAME,NAME           text[] read as a java.sql.Array
//   search RANK_OK SNIPPET                      a search through the function
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.*;

public class ArchiveJdbc {
    static String md5(String s) throws Exception {
        if (s == null) return "NULL";
        byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, d));
    }

    public static void main(String[] args) throws Exception {
        String url = args[0], user = args[1], archive = args[2];
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            for (String v : new String[] {"issues_v", "articles_v", "authors_v"}) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT * FROM " + archive + "." + v + " LIMIT 0")) {
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++)
                        System.out.println("type " + v + " " + md.getColumnName(i) + " "
                                           + md.getColumnTypeName(i) + " " + JDBCType.valueOf(md.getColumnType(i)));
                }
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT issue_id, ordinal, title, body, authors FROM " + archive
                                                + ".articles_v ORDER BY issue_id, ordinal")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    int ord = rs.getInt(2);
                    String body = rs.getString(4);
                    System.out.println("title " + id + " " + ord + " " + md5(rs.getString(3)));
                    System.out.println("body " + id + " " + ord + " " + md5(body) + " "
                                       + (body == null ? 0 : body.codePointCount(0, body.length())));
                    Array a = rs.getArray(5);
                    String[] names = a == null ? new String[0] : (String[]) a.getArray();
                    System.out.println("authors " + id + " " + ord + " " + names.length + " " + String.join(",", names));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                     "SELECT rank, snippet FROM news_archive.search(?, archive => ?)")) {
                ps.setString(1, "产业园");
                ps.setString(2, archive);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next())
                        System.out.println("search " + (rs.getFloat(1) > 0) + " " + rs.getString(2));
                }
            }
        }
    }
}
