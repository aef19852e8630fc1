import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeading } from './PageHeading';
import { usePageTitle } from './usePageTitle';

type SubPageProps = {
  /** The page's name in the browser tab: the kind of page only ("Henvisning"), never a record's own words. */
  title: string;
  /** The page's heading, which may name the record once it is loaded. */
  heading: ReactNode;
  back: { to: string; label: string };
  children: ReactNode;
};

/** The frame of a page under a list (one referral, listing, campaign or course, or a new one): heading, title, the way back. */
export function SubPage({ title, heading, back, children }: SubPageProps) {
  usePageTitle(title);
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
      {children}
    </>
  );
}
