/** A reference into one of the four source papers in ../shared/seeds (DESIGN §1). */
export interface Citation {
  /** 000 cluster-based policy; 001 Foshan; 002 SME clusters and FDI; 003 SEZs and clusters. */
  paper: '000' | '001' | '002' | '003';
  /** Section, paragraph or table as the paper labels it, e.g. "§4.3", "¶20", "Table 6". */
  section: string;
  /** A short verbatim phrase from the paper (checked against the text by the tests). */
  quote: string;
}

export const PAPERS: Record<Citation['paper'], string> = {
  '000': 'Cluster-based development: a Chinese cluster policy',
  '001': 'Industrial clusters in China: policy tools for further and more balanced development',
  '002': 'SME clusters and FDI: Zhejiang compared with Guangdong and Jiangsu',
  '003': "China's special economic zones and industrial clusters: success and challenges",
};

export function cite(c: Citation): string {
  return `${c.paper} ${c.section}`;
}
