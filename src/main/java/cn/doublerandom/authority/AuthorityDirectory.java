package cn.doublerandom.authority;

import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.region.RegionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who inspects in a region (检查机关), for every capability that names it to the public or in a report:
 * the authority's recorded official name, else the default one. Names are held in memory (a few
 * thousand at most) and read again at most {@link #MAX_AGE_NANOS} after the last reading, so that a
 * name recorded on another replica shows here within seconds and the portal's reads never wait on it.
 */
@ApplicationScoped
public class AuthorityDirectory {

    static final long MAX_AGE_NANOS = 5_000_000_000L;

    /** City-level rows of the region table that are no city (a municipality's districts and counties). */
    private static final Set<String> NOT_A_CITY = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

    @Inject
    RegionDirectory regions;

    @Inject
    SessionFactory orm;

    private record Loaded(Map<String, AuthorityVersion> latest, long at) {
    }

    private volatile Loaded loaded;

    /** The official name of the authority of a region: recorded, else the default; the code itself for an unknown region. */
    public String nameOf(String regionCode) {
        AuthorityVersion v = recorded(regionCode).orElse(null);
        if (v != null) {
            return v.name();
        }
        Region r = regions.find(regionCode);
        return r == null ? regionCode : defaultName(r);
    }

    Optional<AuthorityVersion> recorded(String regionCode) {
        Loaded l = loaded;
        if (l == null || System.nanoTime() - l.at() > MAX_AGE_NANOS) {
            l = new Loaded(Map.copyOf(latest()), System.nanoTime());
            loaded = l;
        }
        return Optional.ofNullable(l.latest().get(regionCode));
    }

    /**
     * In a session of its own: the reports ask from worker threads that share their request's context
     * while the request's thread uses its session, and a session is not for two threads at once.
     */
    Map<String, AuthorityVersion> latest() {
        try (StatelessSession session = orm.openStatelessSession()) {
            return AuthorityRecord.allLatest(session);
        }
    }

    /** After a write on this replica: the next reading sees it at once. */
    void forget() {
        loaded = null;
    }

    /**
     * The default official name: 〈市〉生态环境局〈县〉分局 for a county-level unit (石家庄市生态环境局正定县分局;
     * a development zone drops its city's name from its own: 石家庄市生态环境局高新技术产业开发区分局),
     * 〈市〉生态环境局 for a city, 〈省〉生态环境厅 for a province (a municipality's is a 局).
     */
    public String defaultName(Region r) {
        return switch (r.level()) {
            case PROVINCE -> r.name() + (r.name().endsWith("市") ? "生态环境局" : "生态环境厅");
            case CITY -> cityName(r) + "生态环境局";
            case COUNTY -> {
                Region parent = regions.find(r.parentCode());
                String city = parent == null ? "" : parent.level() == RegionLevel.CITY ? cityName(parent) : parent.name();
                String own = r.name();
                String shortCity = city.endsWith("市") ? city.substring(0, city.length() - 1) : city;
                if (!shortCity.isEmpty() && own.startsWith(shortCity) && own.length() > shortCity.length() + 1
                        && !own.startsWith(city)) {
                    own = own.substring(shortCity.length());
                }
                yield city + "生态环境局" + own + "分局";
            }
        };
    }

    /** A city's name, or its province's where the region table's city row is a municipality's placeholder. */
    private String cityName(Region city) {
        if (NOT_A_CITY.contains(city.name())) {
            Region province = regions.find(city.parentCode());
            return province == null ? city.name() : province.name();
        }
        return city.name();
    }
}
